package io.github.springsocketio;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The Spring modules build on the client's public API only, so that the core can change behind
 * it; and their packages form no cycle.
 */
class SpringModuleArchitectureTests {

	private static final JavaClasses SPRING_MODULE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("/socketio-client/"))
		// The test support builds on the client's codecs; TestSupportArchitectureTests holds its rules.
		.withImportOption((location) -> !location.contains("/socketio-test/"))
		.importPackages("io.github.springsocketio");

	@Test
	void usesOnlyThePublicApiOfTheClient() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.springsocketio.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.springsocketio.client.*..")
			.check(SPRING_MODULE);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.github.springsocketio.(**)").should().beFreeOfCycles().check(SPRING_MODULE);
	}

}
