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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Servers and callbacks that misbehave while the client reconnects: each case ends in a clean
 * reconnect within a bound, never in a client stuck reconnecting.
 */
class HostileServerTests {

	private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(800);

	private static final Duration BOUND = Duration.ofSeconds(20);

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.scripted();

	@RegisterExtension
	final TestClients clients = new TestClients();

	private final AtomicInteger connects = new AtomicInteger();

	private final AtomicInteger attempts = new AtomicInteger();

	private SocketIoClient reconnecting(TransportMode mode, String scenario,
			java.util.function.UnaryOperator<SocketIoClient.Builder> customizer) {
		SocketIoClient client = this.clients.create(server.url(), mode,
				(builder) -> customizer.apply(builder.query("scenario", scenario)
					.connectTimeout(CONNECT_TIMEOUT)
					.reconnection(Reconnection.exponential(Duration.ofMillis(20), Duration.ofMillis(50)))));
		client.socket("/").onConnect(this.connects::incrementAndGet);
		client.onReconnectAttempt(this.attempts::set);
		return client;
	}

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET", "WEBSOCKET_JDK", "POLLING" })
	void endsReconnectAttemptsThatHangAtTheConnectTimeout(TransportMode mode) {
		// WebSocket: an upgrade accepted and then silence, then a CONNECT never answered.
		// Long-polling: two handshakes never answered.
		String scenario = (mode == TransportMode.POLLING) ? "polling-hanging-reconnects" : "hanging-reconnects";
		SocketIoClient client = reconnecting(mode, scenario + "-" + mode, (builder) -> builder);
		client.connect();
		await().atMost(BOUND).until(() -> this.connects.get() == 2);
		assertThat(this.attempts.get()).isGreaterThanOrEqualTo(3);
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
	}

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET", "WEBSOCKET_JDK", "POLLING" })
	void followsNoRedirectWithItsHeaders(TransportMode mode) throws Exception {
		AtomicInteger redirected = new AtomicInteger();
		HttpServer elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		elsewhere.createContext("/", (exchange) -> {
			redirected.incrementAndGet();
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		redirecting.createContext("/", (exchange) -> {
			exchange.getResponseHeaders()
				.add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + exchange.getRequestURI());
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		elsewhere.start();
		redirecting.start();
		try {
			SocketIoClient client = this.clients.create("http://127.0.0.1:" + redirecting.getAddress().getPort(), mode,
					(builder) -> builder.header("Authorization", "Bearer secret-token").connectTimeout(CONNECT_TIMEOUT));
			assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
				.withMessageNotContaining("secret-token");
			assertThat(redirected).hasValue(0);
		}
		finally {
			redirecting.stop(0);
			elsewhere.stop(0);
		}
	}

	@Test
	void aCallbackThatThrowsDuringAReconnectFailsThatAttemptOnly() {
		AtomicInteger handshakes = new AtomicInteger();
		AtomicInteger auths = new AtomicInteger();
		List<String> failures = new CopyOnWriteArrayList<>();
		SocketIoClient client = reconnecting(TransportMode.WEBSOCKET_JDK, "close-packet", (builder) -> builder
			.interceptor(new SocketIoInterceptor() {

				@Override
				public void beforeHandshake(HandshakeRequest request) {
					if (handshakes.incrementAndGet() == 2) {
						throw new IllegalStateException("secret-from-the-interceptor");
					}
				}

			})
			.auth((namespace) -> {
				if (auths.incrementAndGet() == 2) {
					throw new IllegalStateException("secret-from-the-auth-provider");
				}
				return Map.of("token", "t");
			}));
		client.observe(new SocketIoClientObserver() {

			@Override
			public void connectFailed(String namespace, SocketIoConnectException failure) {
				failures.add(failure.getMessage());
			}

		});
		client.connect();
		// The server closes each connection once connected: the client goes on reconnecting.
		await().atMost(BOUND).until(() -> this.connects.get() >= 3);
		assertThat(handshakes.get()).isGreaterThanOrEqualTo(4);
		assertThat(auths.get()).isGreaterThanOrEqualTo(3);
		assertThat(failures).anyMatch((message) -> message
			.contains("the auth provider or an interceptor threw java.lang.IllegalStateException"));
		assertThat(failures).noneMatch((message) -> message.contains("secret"));
	}

}
