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
package io.github.springsocketio.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pull-style receive (python-socketio's {@code SimpleClient.receive}) against the reference Node
 * server and the in-JVM test server: the events no handler took, in arrival order.
 */
class ReceiveInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@RegisterExtension
	static final JvmReferenceServer jvm = new JvmReferenceServer();

	@RegisterExtension
	final TestClients clients = new TestClients();

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET_JDK", "POLLING" })
	void receivesTheEventsNoHandlerTookInOrder(TransportMode mode) throws Exception {
		receivesInOrder(server.url(), mode);
	}

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET_JDK", "POLLING" })
	void receivesTheEventsNoHandlerTookInOrderFromTheInJvmServer(TransportMode mode) throws Exception {
		receivesInOrder(jvm.url(), mode);
	}

	private void receivesInOrder(String url, TransportMode mode) throws Exception {
		SocketIoClient client = this.clients.create(url, mode);
		client.on("handled", (args, ack) -> {
		});
		client.connect();
		assertThat(client.receive(WAIT).map(InboundEvent::event)).contains("welcome");
		assertThat(client.emitWithAck("emit-many", 3).get(WAIT.toSeconds(), TimeUnit.SECONDS).get(0, Integer.class))
			.isEqualTo(3);
		List<Integer> values = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			InboundEvent event = client.receive(WAIT).orElseThrow();
			assertThat(event.event()).isEqualTo("many");
			values.add(event.arguments().get(0, Integer.class));
		}
		assertThat(values).containsExactly(0, 1, 2);
		assertThat(client.receive(Duration.ZERO)).isEmpty();
	}

	@Test
	void receivesBehindInterceptorsAndRefusesToWaitOnTheIoThread() throws Exception {
		CompletableFuture<Throwable> fromObserver = new CompletableFuture<>();
		SocketIoClient client = this.clients.create(server.url(), (builder) -> builder.interceptor(new SocketIoInterceptor() {

			@Override
			public InboundEvent beforeHandle(InboundEvent event) {
				return new InboundEvent(event.namespace(), event.event().toUpperCase(Locale.ROOT), event.arguments());
			}

		}));
		client.observe(new SocketIoClientObserver() {

			@Override
			public void connected(String namespace) {
				try {
					client.receive(Duration.ZERO);
					fromObserver.complete(null);
				}
				catch (IllegalStateException ex) {
					fromObserver.complete(ex);
				}
			}

		});
		client.connect();
		assertThat(client.receive(WAIT).map(InboundEvent::event)).contains("WELCOME");
		assertThat(fromObserver.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("use on(..) or onAny(..)");
	}

}
