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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blocking calls made from the application's callbacks, against the reference Node server: from a
 * handler they work; on the client's I/O thread they fail at once, naming what to use instead.
 */
class BlockingCallInteropTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@RegisterExtension
	final TestClients clients = new TestClients();

	@Test
	void blockingCallsWorkFromAHandler() throws Exception {
		SocketIoClient client = this.clients.create(server.url());
		CompletableFuture<Object> results = new CompletableFuture<>();
		client.on("welcome", (args, ack) -> {
			Integer sum = client.call("add", Integer.class, 1, 2);
			client.socket("/chat").connect();
			results.complete(sum + " " + client.socket("/chat").isConnected());
		});
		client.connect();
		assertThat(results.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("3 true");
	}

	@Test
	void blockingCallsOnTheClientsIoThreadFailAtOnceNamingTheAlternative() throws Exception {
		CompletableFuture<Throwable> fromInterceptor = new CompletableFuture<>();
		CompletableFuture<Throwable> fromObserver = new CompletableFuture<>();
		SocketIoClient[] holder = new SocketIoClient[1];
		SocketIoClient client = this.clients.create(server.url(), (builder) -> builder.interceptor(new SocketIoInterceptor() {

			@Override
			public Map<String, ?> beforeConnect(String namespace, Map<String, ?> auth) {
				try {
					holder[0].call("add", Integer.class, 1, 2);
				}
				catch (IllegalStateException ex) {
					fromInterceptor.complete(ex);
				}
				return auth;
			}

		}));
		holder[0] = client;
		client.observe(new SocketIoClientObserver() {

			@Override
			public void connected(String namespace) {
				try {
					client.connect();
				}
				catch (IllegalStateException ex) {
					fromObserver.complete(ex);
				}
			}

		});
		client.connect();
		assertThat(fromInterceptor.get(TIMEOUT, TimeUnit.SECONDS)).hasMessageContaining("call(..) cannot wait")
			.hasMessageContaining("use emitWithAck(..)");
		assertThat(fromObserver.get(TIMEOUT, TimeUnit.SECONDS)).hasMessageContaining("connect() cannot wait")
			.hasMessageContaining("use connectAsync()");
		assertThat(client.call("add", Integer.class, 2, 2)).isEqualTo(4);
	}

}
