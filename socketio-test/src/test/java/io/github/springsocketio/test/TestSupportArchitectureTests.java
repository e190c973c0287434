/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.springsocketio.test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the test support: the Engine.IO server ({@code test.server}) below the Socket.IO
 * server and the public API ({@code test}); both use only the client's public API and its codecs.
 */
class TestSupportArchitectureTests {

	private static final JavaClasses TEST_SUPPORT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.springsocketio.test");

	@Test
	void theEngineIoServerKnowsNothingOfSocketIo() {
		noClasses().that()
			.resideInAPackage("io.github.springsocketio.test.server..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.springsocketio.test")
			.check(TEST_SUPPORT);
	}

	@Test
	void usesOnlyTheClientsPublicApiAndCodecs() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.springsocketio.client.concurrent..",
					"io.github.springsocketio.client.connection..", "io.github.springsocketio.client.engine..",
					"io.github.springsocketio.client.namespace..", "io.github.springsocketio.client.transport..")
			.check(TEST_SUPPORT);
	}

	@Test
	void hasNoCycleBetweenPackagesOrClasses() {
		slices().matching("io.github.springsocketio.test.(**)").should().beFreeOfCycles().check(TEST_SUPPORT);
		slices().assignedFrom(TOP_LEVEL_CLASSES).should().beFreeOfCycles().check(TEST_SUPPORT);
	}

	/** Each top-level class with its nested ones is one slice. */
	private static final SliceAssignment TOP_LEVEL_CLASSES = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			return SliceIdentifier.of(javaClass.getName().replaceFirst("\\$.*", ""));
		}

		@Override
		public String getDescription() {
			return "the top-level classes of the test support";
		}

	};

}
