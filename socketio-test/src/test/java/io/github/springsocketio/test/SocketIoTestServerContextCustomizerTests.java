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

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context customizer of {@link AutoConfigureSocketIoTestServer}: a server per context, and
 * none while the context is processed ahead of time.
 */
class SocketIoTestServerContextCustomizerTests {

	private static final List<String> URL_PROPERTIES = List.of("socketio.client.url", "socketio.clients.orders.url");

	private final SocketIoTestServerContextCustomizer customizer = new SocketIoTestServerContextCustomizer(
			URL_PROPERTIES);

	private final MergedContextConfiguration configuration = new MergedContextConfiguration(getClass(), null, null,
			null, null);

	@AfterEach
	void clearAotProcessing() {
		System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
	}

	@Test
	void startsAServerThatTheUrlPropertiesNameAndClosesItWithTheContext() {
		SocketIoTestServer server;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			this.customizer.customizeContext(context, this.configuration);
			context.refresh();
			server = context.getBean(SocketIoTestServer.class);
			assertThat(URL_PROPERTIES).allSatisfy(
					(name) -> assertThat(context.getEnvironment().getProperty(name)).isEqualTo(server.url()));
			assertThat(server.isRunning()).isTrue();
		}
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void startsNoServerWhileTheContextIsProcessedAheadOfTime() {
		System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			this.customizer.customizeContext(context, this.configuration);
			assertThat(context.getBeanFactory().containsSingleton(SocketIoTestServerContextCustomizer.BEAN_NAME))
				.isFalse();
			assertThat(URL_PROPERTIES).as("set, for what they decide when the bean definitions are made")
				.allSatisfy((name) -> assertThat(context.getEnvironment().getProperty(name))
					.isEqualTo(SocketIoTestServerContextCustomizer.AOT_PROCESSING_URL));
		}
	}

}
