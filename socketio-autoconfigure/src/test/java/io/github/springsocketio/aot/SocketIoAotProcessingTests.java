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

import java.net.http.HttpClient;
import java.util.concurrent.Executors;

import io.github.springsocketio.aot.app.Basket;
import io.github.springsocketio.aot.app.Receipt;
import io.github.springsocketio.aot.app.ShopEmitter;
import io.github.springsocketio.aot.app.ShopListener;
import io.github.springsocketio.autoconfigure.SocketIoAutoConfiguration;
import io.github.springsocketio.autoconfigure.SocketIoProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application processed ahead of time as Spring Boot's {@code process-aot} does: the
 * processors and the registrar of {@code META-INF/spring/aot.factories} run on the bean
 * definitions the auto-configuration and its registrars make.
 */
class SocketIoAotProcessingTests {

	private static final ReflectionHintsPredicates REFLECTION = RuntimeHintsPredicates.reflection();

	private final RuntimeHints hints = new RuntimeHints();

	@BeforeEach
	void processAheadOfTime() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			AutoConfigurationPackages.register(context, ShopEmitter.class.getPackageName());
			context.register(SocketIoAutoConfiguration.class, ShopListener.class);
			new ApplicationContextAotGenerator().processAheadOfTime(context, new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(getClass())), new InMemoryGeneratedFiles(), this.hints));
		}
	}

	@Test
	void registersTheHintsOfTheListeners() {
		assertThat(REFLECTION.onMethodInvocation(ShopListener.class, "basket")).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Basket.class, "items")).accepts(this.hints);
	}

	@Test
	void registersTheHintsOfTheEmittersTheRegistrarFound() {
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(ShopEmitter.class)).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(ShopEmitter.class, "checkout")).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Receipt.class, "id")).accepts(this.hints);
	}

	@Test
	void registersWhatTheClientReflectsOn() {
		TypeHint executors = this.hints.reflection().getTypeHint(Executors.class);
		assertThat(executors).isNotNull();
		assertThat(executors.methods()).anySatisfy(
				(method) -> assertThat(method.getName()).isEqualTo("newVirtualThreadPerTaskExecutor"));
		TypeHint httpClient = this.hints.reflection().getTypeHint(HttpClient.class);
		assertThat(httpClient).isNotNull();
		assertThat(httpClient.methods()).extracting((method) -> method.getName())
			.contains("shutdownNow", "awaitTermination");
	}

	@Test
	void leavesThePropertiesToSpringBoot() {
		assertThat(REFLECTION.onMethodInvocation(SocketIoProperties.Client.class, "setUrl")).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(SocketIoProperties.Reconnection.class, "setDelay"))
			.accepts(this.hints);
	}

}
