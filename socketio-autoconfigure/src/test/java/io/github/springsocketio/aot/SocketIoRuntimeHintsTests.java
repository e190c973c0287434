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
package io.github.springsocketio.aot;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional classes whose presence the client checks are registered when they are on the
 * class path, so that the check answers the same in a native image.
 */
class SocketIoRuntimeHintsTests {

	@Test
	void registersTheOptionalClassesThatArePresent() {
		RuntimeHints hints = new RuntimeHints();
		ClassLoader classLoader = getClass().getClassLoader();
		new SocketIoRuntimeHints().registerHints(hints, classLoader);
		assertThat(SocketIoRuntimeHints.OPTIONAL_CLASSES).filteredOn((name) -> ClassUtils.isPresent(name, classLoader))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(name)))
				.accepts(hints));
	}

	@Test
	void leavesOutTheOptionalClassesThatAreMissing() {
		RuntimeHints hints = new RuntimeHints();
		new SocketIoRuntimeHints().registerHints(hints, new FilteredClassLoader("io.netty", "jakarta.websocket",
				"org.apache.tomcat"));
		assertThat(SocketIoRuntimeHints.OPTIONAL_CLASSES).allSatisfy((name) -> assertThat(
				RuntimeHintsPredicates.reflection().onType(TypeReference.of(name)))
			.rejects(hints));
	}

}
