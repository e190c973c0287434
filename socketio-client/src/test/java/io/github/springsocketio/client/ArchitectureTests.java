package io.github.springsocketio.client;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the core, bottom to top: {@code protocol} (codecs), {@code transport} (moves
 * frames), {@code engine} (one Engine.IO session), then the client. A layer imports only layers
 * below it and, of the public API, only its vocabulary types.
 */
class ArchitectureTests {

	private static final String ROOT = "io.github.springsocketio.client";

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** The public types that every layer may name. */
	private static final DescribedPredicate<JavaClass> VOCABULARY = belongToAnyOf(ProtocolException.class,
			SocketIoException.class, Transport.class);

	@Test
	void codecsNeedNoIoNoThreadsAndNoLayerAbove() {
		classes().that()
			.resideInAPackage(ROOT + ".protocol..")
			.should()
			.onlyDependOnClassesThat(resideInAnyPackage(ROOT + ".protocol..", "java.lang..", "java.util", "java.io",
					"java.nio.charset", "tools.jackson..", "org.jspecify..")
				.or(VOCABULARY))
			.check(CORE);
	}

	@Test
	void transportsDoNotDriveTheSession() {
		noClasses().that()
			.resideInAPackage(ROOT + ".transport..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".engine..")
			.check(CORE);
	}

	@Test
	void lowerLayersNameOnlyTheVocabularyOfTheApi() {
		classes().that()
			.resideInAnyPackage(ROOT + ".protocol..", ROOT + ".transport..", ROOT + ".engine..")
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage(ROOT).or(VOCABULARY))
			.check(CORE);
	}

	@Test
	void lowerLayersHaveNoCycles() {
		slices().matching(ROOT + ".(protocol|transport|engine)..").should().beFreeOfCycles().check(CORE);
	}

}
