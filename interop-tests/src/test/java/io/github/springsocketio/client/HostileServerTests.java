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

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.springsocketio.test.ChaosProxy;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Servers (and callbacks) that misbehave, played by the scripted server: each case ends in a clean
 * error or a clean disconnect and reconnect within a bound, never in a client stuck reconnecting,
 * and leaves neither threads nor heap behind once the client is closed.
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

	@ParameterizedTest(name = "{0} over {1}")
	@CsvSource({ "oversize-message, WEBSOCKET_JDK, TRANSPORT_ERROR", "oversize-message, WEBSOCKET, TRANSPORT_ERROR",
			"attachment-bomb, WEBSOCKET_JDK, PARSE_ERROR", "placeholder-out-of-range, WEBSOCKET_JDK, PARSE_ERROR",
			"invalid-utf8, WEBSOCKET_JDK, ", "invalid-utf8, WEBSOCKET, ",
			"unknown-packet-types, WEBSOCKET_JDK, PARSE_ERROR", "invalid-engine-packet, WEBSOCKET_JDK, PARSE_ERROR",
			"polling-oversize-body, POLLING, TRANSPORT_ERROR", "polling-invalid-utf8, POLLING, TRANSPORT_ERROR",
			"polling-endless-poll, POLLING, ",
			"polling-trickling-poll, POLLING, " })
	void aHostileServerEndsInACleanDisconnectAndReconnect(String scenario, TransportMode mode,
			DisconnectReason expected) throws Exception {
		ResourceSnapshot before = ResourceSnapshot.take();
		SocketIoClient client = reconnecting(mode, scenario, (builder) -> builder.maxInboundMessageSize(1024 * 1024));
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		DisconnectReason reason = disconnected.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		if (expected != null) {
			assertThat(reason).isEqualTo(expected);
		}
		else {
			// A WebSocket stack closes on invalid UTF-8 (1007) as it sees fit; a poll that never ends is
			// ended by its timeout or by the missing pings, whichever comes first.
			assertThat(reason).isIn(DisconnectReason.TRANSPORT_ERROR, DisconnectReason.TRANSPORT_CLOSE,
					DisconnectReason.PING_TIMEOUT);
		}
		await().atMost(BOUND).until(() -> this.attempts.get() >= 1);
		assertThat(client.state()).isIn(ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
		client.close();
		before.assertReleased();
	}

	@Test
	void noticesAHalfOpenConnectionAndReconnectsOnceTheNetworkFlows() throws Exception {
		try (ChaosProxy proxy = ChaosProxy.to(server.port())) {
			ResourceSnapshot before = ResourceSnapshot.take();
			SocketIoClient client = this.clients.create(proxy.url() + "?scenario=fast-pings", TransportMode.WEBSOCKET_JDK,
					(builder) -> builder.connectTimeout(CONNECT_TIMEOUT)
						.reconnection(Reconnection.exponential(Duration.ofMillis(20), Duration.ofMillis(50))));
			client.socket("/").onConnect(this.connects::incrementAndGet);
			CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
			client.socket("/").onDisconnect(disconnected::complete);
			client.connect();
			// Packets stop flowing and the TCP connection stays open: only the heartbeat can tell.
			proxy.stall();
			assertThat(disconnected.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PING_TIMEOUT);
			proxy.restore();
			await().atMost(BOUND).until(() -> this.connects.get() == 2);
			client.close();
			before.assertReleased();
		}
	}

	@Test
	void refusesAbsurdHandshakeValuesWithAClearError() throws Exception {
		ResourceSnapshot before = ResourceSnapshot.take();
		SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET_JDK,
				(builder) -> builder.query("scenario", "absurd-handshake"));
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("pingInterval");
		client.close();
		before.assertReleased();
	}

	@Test
	void leavesAnUpgradeThatIsNeverAnsweredAndStaysOnPolling() throws Exception {
		SocketIoClient client = this.clients.create(server.url(), TransportMode.UPGRADE_JDK,
				(builder) -> builder.query("scenario", "probe-silent"));
		CompletableFuture<Void> probeClosed = new CompletableFuture<>();
		client.on("probe-closed", (args, ack) -> probeClosed.complete(null));
		client.connect();
		// The probe is given up after the handshake's ping timeout (1 s), its WebSocket closed.
		probeClosed.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		assertThat(client.transport()).isEqualTo(Transport.POLLING);
		assertThat(client.isConnected()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET", "WEBSOCKET_JDK", "WEBSOCKET_NETTY", "POLLING" })
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
	@EnumSource(names = { "WEBSOCKET", "WEBSOCKET_JDK", "WEBSOCKET_NETTY", "POLLING" })
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

	/**
	 * The client's threads and the heap in use after a full collection.
	 */
	private record ResourceSnapshot(long liveThreads, long usedHeap) {

		private static final long HEAP_SLACK = 32L * 1024 * 1024;

		static ResourceSnapshot take() {
			return new ResourceSnapshot(countThreads(), usedHeapAfterGc());
		}

		void assertReleased() {
			await().pollInSameThread().atMost(BOUND).untilAsserted(() -> assertThat(countThreads())
				.as(() -> "live threads: " + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList())
				.isLessThanOrEqualTo(this.liveThreads));
			long heap = usedHeapAfterGc();
			System.out.printf("Hostile server case: threads %d before, %d after; heap after GC %+.1f MB%n",
					this.liveThreads, countThreads(), (heap - this.usedHeap) / 1048576.0);
			assertThat(heap).as("heap in use after the case").isLessThan(this.usedHeap + HEAP_SLACK);
		}

		/**
		 * The threads of the client and of the WebSocket stacks it uses; the JDK's HTTP clients stop
		 * their threads only on Java 21+, or once collected.
		 */
		private static long countThreads() {
			return Thread.getAllStackTraces().keySet().stream()
				.filter(Thread::isAlive)
				.map(Thread::getName)
				.filter((name) -> name.startsWith("socketio-") && !name.startsWith("socketio-test")
						|| name.startsWith("WebSocketClient-") || name.equals("WebSocket background processing"))
				.count();
		}

		private static long usedHeapAfterGc() {
			System.gc();
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

	}

}
