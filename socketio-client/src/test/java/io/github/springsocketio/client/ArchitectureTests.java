package io.github.springsocketio.client;

import java.net.URLEncoder;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the core, bottom to top: {@code protocol} (codecs) and {@code concurrent}
 * (executors), {@code transport} (moves frames), {@code engine} (one Engine.IO session),
 * {@code namespace} (one namespace's protocol, which knows the connection as its host),
 * {@code connection} (the state machine behind the client), and the public API in the root
 * package. A layer imports only layers below it and, of the public API, what it names; the API
 * imports the implementation only where the builder creates the client.
 */
class ArchitectureTests {

	private static final String ROOT = "io.github.springsocketio.client";

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** The public types that the lowest layers may name. */
	private static final DescribedPredicate<JavaClass> VOCABULARY = belongToAnyOf(ProtocolException.class,
			SocketIoException.class, SocketIoConnectException.class, Transport.class, Redaction.class);

	/** Each package of the core is one slice; the public API is the slice "api". */
	private static final SliceAssignment PACKAGES = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String name = javaClass.getPackageName();
			if (name.equals(ROOT)) {
				return SliceIdentifier.of("api");
			}
			return name.startsWith(ROOT + ".") ? SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0])
					: SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "the packages of the core";
		}

	};

	@Test
	void codecsNeedNoIoNoThreadsAndNoLayerAbove() {
		classes().that()
			.resideInAPackage(ROOT + ".protocol..")
			.should()
			.onlyDependOnClassesThat(resideInAnyPackage(ROOT + ".protocol..", "java.lang..", "java.util", "java.io",
					"java.nio.charset", "tools.jackson..", "org.jspecify..")
				.or(VOCABULARY)
				// Protocol 4 carries a namespace's query in its CONNECT packet: text, no I/O.
				.or(belongToAnyOf(URLEncoder.class)))
			.check(CORE);
	}

	@Test
	void transportsDoNotDriveTheSession() {
		noClasses().that()
			.resideInAPackage(ROOT + ".transport..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".engine..", ROOT + ".namespace..", ROOT + ".connection..")
			.check(CORE);
	}

	@Test
	void theEngineKnowsNoNamespaceAndNoConnection() {
		noClasses().that()
			.resideInAPackage(ROOT + ".engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".namespace..", ROOT + ".connection..")
			.check(CORE);
	}

	@Test
	void namespacesKnowTheConnectionOnlyAsTheirHost() {
		noClasses().that()
			.resideInAPackage(ROOT + ".namespace..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".connection..", ROOT + ".engine..", ROOT + ".transport..")
			.check(CORE);
	}

	@Test
	void lowerLayersNameOnlyTheVocabularyOfTheApi() {
		classes().that()
			.resideInAnyPackage(ROOT + ".protocol..", ROOT + ".concurrent..", ROOT + ".transport..", ROOT + ".engine..")
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage(ROOT).or(VOCABULARY))
			.check(CORE);
	}

	@Test
	void theApiImportsTheImplementationOnlyWhereTheBuilderCreatesTheClient() {
		noClasses().that()
			.resideInAPackage(ROOT)
			.and(DescribedPredicate.not(equivalentTo(SocketIoClient.Builder.class)))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".*..")
			.check(CORE);
		classes().that(equivalentTo(SocketIoClient.Builder.class))
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + ".*..").or(resideInAPackage(ROOT + ".connection")))
			.check(CORE);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().assignedFrom(PACKAGES)
			.should()
			.beFreeOfCycles()
			.ignoreDependency(equivalentTo(SocketIoClient.Builder.class), resideInAPackage(ROOT + ".connection"))
			.check(CORE);
	}

}
