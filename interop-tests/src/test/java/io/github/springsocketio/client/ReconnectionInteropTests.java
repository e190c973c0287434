package io.github.springsocketio.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reconnection against a reference Node server that goes away and comes back (conformance
 * scenarios 27, 46, 47, 50, 51).
 */
class ReconnectionInteropTests {

	private static final long TIMEOUT = 10;

	private static final Reconnection FAST = Reconnection.exponential(Duration.ofMillis(100), Duration.ofMillis(300));

	@RegisterExtension
	final TestClients clients = new TestClients();

	@Test
	void aClientStartedBeforeItsServerConnectsOnceTheServerIsUp() throws Exception {
		SocketIoServerExtension server = SocketIoServerExtension.nodeReference().withPort(freePort());
		SocketIoClient client = this.clients.create("http://127.0.0.1:" + server.port(), TransportMode.WEBSOCKET,
				(builder) -> builder.reconnection(FAST).connectTimeout(Duration.ofMillis(300)));
		CompletableFuture<SocketIoConnectException> connectError = new CompletableFuture<>();
		client.socket("/").onConnectError(connectError::complete);
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("Timed out");
		assertThat(connectError).succeedsWithin(TIMEOUT, TimeUnit.SECONDS);
		assertThat(client.state()).isEqualTo(ConnectionState.RECONNECTING);
		CompletableFuture<Void> connected = new CompletableFuture<>();
		client.socket("/").onConnect(() -> connected.complete(null));
		server.start();
		try {
			connected.get(TIMEOUT, TimeUnit.SECONDS);
			assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
		}
		finally {
			server.stop();
		}
	}

	@Test
	void reconnectsAfterTheServerRestartsWithFreshAuthAndEveryNamespace() throws Exception {
		SocketIoServerExtension server = SocketIoServerExtension.nodeReference().withPort(freePort());
		server.start();
		try {
			AtomicInteger authCalls = new AtomicInteger();
			SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET,
					(builder) -> builder.reconnection(FAST)
						.namespaces("/", "/auth")
						.auth((namespace) -> Map.of("token", "secret-token", "call", authCalls.incrementAndGet())));
			BlockingQueue<String> welcomes = new LinkedBlockingQueue<>();
			client.socket("/auth").on("welcome", (args, ack) -> welcomes.add(args.json(0).get("auth").get("call").asString()));
			BlockingQueue<DisconnectReason> reasons = new LinkedBlockingQueue<>();
			client.socket("/").onDisconnect(reasons::add);
			BlockingQueue<Integer> attempts = new LinkedBlockingQueue<>();
			client.onReconnectAttempt(attempts::add);
			CompletableFuture<Integer> reconnected = new CompletableFuture<>();
			client.onReconnect(reconnected::complete);
			client.connect();
			String firstAuth = welcomes.poll(TIMEOUT, TimeUnit.SECONDS);
			server.stop();
			DisconnectReason reason = reasons.poll(TIMEOUT, TimeUnit.SECONDS);
			assertThat(reason).isIn(DisconnectReason.TRANSPORT_CLOSE, DisconnectReason.TRANSPORT_ERROR);
			assertThat(reason.willReconnect()).isTrue();
			assertThat(attempts.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(1);
			server.start();
			assertThat(reconnected.get(TIMEOUT, TimeUnit.SECONDS)).isPositive();
			assertThat(welcomes.poll(TIMEOUT, TimeUnit.SECONDS)).isNotEqualTo(firstAuth);
			assertThat(client.socket("/auth").isConnected()).isTrue();
			assertThat(client.isConnected()).isTrue();
			assertThat(client.call("add", Integer.class, 2, 2)).isEqualTo(4);
		}
		finally {
			server.stop();
		}
	}

	@Test
	void buffersEmitsWhileReconnectingAndSendsThemInOrderAfterwards() throws Exception {
		SocketIoServerExtension server = SocketIoServerExtension.nodeReference().withPort(freePort());
		server.start();
		try {
			SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET,
					(builder) -> builder.reconnection(FAST));
			BlockingQueue<String> outgoing = new LinkedBlockingQueue<>();
			client.socket("/").onAnyOutgoing((event, args, ack) -> outgoing.add(event + args.toList()));
			CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
			client.socket("/").onDisconnect(disconnected::complete);
			CompletableFuture<Integer> reconnected = new CompletableFuture<>();
			client.onReconnect(reconnected::complete);
			client.connect();
			server.stop();
			disconnected.get(TIMEOUT, TimeUnit.SECONDS);
			for (int n = 0; n < 5; n++) {
				client.emit("seq", "offline", n);
			}
			client.socket("/").emitVolatile("seq", "volatile", 0);
			assertThat(outgoing).isEmpty();
			server.start();
			reconnected.get(TIMEOUT, TimeUnit.SECONDS);
			EventInteropTests.Stats stats = client.emitWithAck("stats").get(TIMEOUT, TimeUnit.SECONDS)
				.get(0, EventInteropTests.Stats.class);
			assertThat(stats.sequences().get("offline")).containsEntry("count", 5).containsEntry("ordered", true);
			assertThat(stats.sequences()).doesNotContainKey("volatile");
			for (int n = 0; n < 5; n++) {
				assertThat(outgoing.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("seq[offline, " + n + "]");
			}
		}
		finally {
			server.stop();
		}
	}

	@Test
	void givesUpAfterTheConfiguredAttempts() throws Exception {
		SocketIoServerExtension server = SocketIoServerExtension.nodeReference().withPort(freePort());
		server.start();
		try {
			SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET,
					(builder) -> builder.reconnection(FAST.withAttempts(2)));
			CompletableFuture<Void> failed = new CompletableFuture<>();
			client.onReconnectFailed(() -> failed.complete(null));
			client.connect();
			server.stop();
			failed.get(TIMEOUT, TimeUnit.SECONDS);
			assertThat(client.await(Duration.ofSeconds(TIMEOUT))).isTrue();
			assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		}
		finally {
			server.stop();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
