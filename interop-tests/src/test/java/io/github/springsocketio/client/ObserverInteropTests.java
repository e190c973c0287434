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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketIoClientObserver}s against the reference Node server: what they are told, and a
 * failing observer that changes nothing for the application.
 */
class ObserverInteropTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@RegisterExtension
	final TestClients clients = new TestClients();

	@Test
	void tellsObserversInOrderAndSurvivesOneThatThrows() throws Exception {
		SocketIoClient client = this.clients.create(server.url());
		List<String> seen = new CopyOnWriteArrayList<>();
		client.observe(new FailingObserver());
		Subscription recording = client.observe(new SocketIoClientObserver() {

			@Override
			public void connected(String namespace) {
				seen.add("connected " + namespace);
			}

			@Override
			public void eventSent(String namespace, String event) {
				seen.add("sent " + event);
			}

			@Override
			public void eventReceived(String namespace, String event) {
				seen.add("received " + event);
			}

			@Override
			public void acknowledged(String namespace, long nanos, boolean timedOut) {
				seen.add("acknowledged " + timedOut);
			}

		});
		CompletableFuture<Object> welcome = new CompletableFuture<>();
		client.on("welcome", (args, ack) -> welcome.complete(args.get(0, Object.class)));
		client.connect();
		assertThat(welcome.get(TIMEOUT, TimeUnit.SECONDS)).isNotNull();
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
		recording.cancel();
		assertThat(client.call("add", Integer.class, 2, 2)).isEqualTo(4);
		assertThat(seen).containsExactly("connected /", "received welcome", "sent add", "acknowledged false");
	}

	/**
	 * Throws from every method.
	 */
	private static final class FailingObserver implements SocketIoClientObserver {

		@Override
		public void connected(String namespace) {
			throw new IllegalStateException("observer failure for the test");
		}

		@Override
		public void eventReceived(String namespace, String event) {
			throw new IllegalStateException("observer failure for the test");
		}

		@Override
		public void eventSent(String namespace, String event) {
			throw new IllegalStateException("observer failure for the test");
		}

		@Override
		public void handled(String namespace, String event, long nanos, @Nullable Throwable error) {
			throw new IllegalStateException("observer failure for the test");
		}

		@Override
		public void acknowledged(String namespace, long nanos, boolean timedOut) {
			throw new IllegalStateException("observer failure for the test");
		}

		@Override
		public void bytesReceived(long bytes) {
			throw new IllegalStateException("observer failure for the test");
		}

		@Override
		public void bytesSent(long bytes) {
			throw new IllegalStateException("observer failure for the test");
		}

	}

}
