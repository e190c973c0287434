package io.github.springsocketio.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Connecting, disconnecting and the heartbeat against reference servers with a fast heartbeat
 * (ping interval 300 ms, ping timeout 200 ms), on every transport; conformance scenarios 7, 13,
 * 14, 23, 48, 49.
 */
class ConnectionInteropTests extends InteropMatrix {

	private static final long PING_INTERVAL = 300;

	@RegisterExtension
	static final SocketIoServerExtension node = ServerKind.NODE.extension()
		.withEnv("PING_INTERVAL", String.valueOf(PING_INTERVAL))
		.withEnv("PING_TIMEOUT", "200");

	@RegisterExtension
	static final SocketIoServerExtension python = ServerKind.PYTHON.extension()
		.withEnv("PING_INTERVAL", String.valueOf(PING_INTERVAL))
		.withEnv("PING_TIMEOUT", "200");

	@RegisterExtension
	static final JvmReferenceServer jvm = new JvmReferenceServer()
		.pingInterval(Duration.ofMillis(PING_INTERVAL), Duration.ofMillis(200));

	@Override
	SocketIoServerExtension node() {
		return node;
	}

	@Override
	SocketIoServerExtension python() {
		return python;
	}

	@Override
	JvmReferenceServer jvm() {
		return jvm;
	}

	@Test
	void answersEveryPingOfTheServer() throws Exception {
		assumeTrue(this.server == ServerKind.NODE, "only the Node server counts the pongs it receives");
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		Map<?, ?> stats = Map.of("pongs", 0);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT);
		while ((Integer) stats.get("pongs") < 5 && System.nanoTime() < deadline) {
			stats = client.socket("/").timeout(Duration.ofSeconds(TIMEOUT)).call("stats", Map.class);
		}
		assertThat((Integer) stats.get("pongs")).isGreaterThanOrEqualTo(5);
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void handlerBlockingForThreePingIntervalsDoesNotCostTheConnection() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		CountDownLatch release = new CountDownLatch(1);
		BlockingQueue<Integer> handled = new LinkedBlockingQueue<>();
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.on("many", (args, ack) -> {
			if (args.get(0, Integer.class) == 0) {
				release.await(3 * PING_INTERVAL, TimeUnit.MILLISECONDS);
			}
			handled.add(args.get(0, Integer.class));
		});
		client.connect();
		client.emit("emit-many", 2);
		assertThat(handled.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(0);
		assertThat(handled.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
		assertThat(disconnected).isNotDone();
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void detectsAServerThatStopsAnswering() throws Exception {
		assumeTrue(this.server == ServerKind.NODE, "only the Node server can be told to go silent");
		SocketIoClient client = this.clients.create(url(), this.mode);
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		long start = System.nanoTime();
		client.emit("go-silent");
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PING_TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
	}

	@Test
	void serverSideDisconnectIsNotReconnected() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode,
				(builder) -> builder.reconnection(Reconnection.exponential(Duration.ofMillis(100), Duration.ofMillis(200))));
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		client.emit("disconnect-me");
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_SERVER_DISCONNECT);
		assertThat(DisconnectReason.IO_SERVER_DISCONNECT.willReconnect()).isFalse();
		assertThat(client.await(Duration.ofSeconds(TIMEOUT))).isTrue();
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		client.connect();
		assertThat(client.call("add", Integer.class, 2, 2)).isEqualTo(4);
	}

	@Test
	void clientSideDisconnectLeavesTheNamespaceOnTheServer() throws Exception {
		SocketIoClient observer = this.clients.create(url(), this.mode, (builder) -> builder.query("watchPeers", "1"));
		SocketIoClient client = this.clients.create(url(), this.mode, (builder) -> builder.namespaces("/", "/chat"));
		BlockingQueue<DisconnectReason> reasons = new LinkedBlockingQueue<>();
		client.socket("/").onDisconnect(reasons::add);
		client.socket("/chat").onDisconnect(reasons::add);
		assumeTrue(this.server == ServerKind.NODE,
				"python-socketio 5.7 does not tell a disconnect handler why the client left");
		CompletableFuture<Arguments> peerLeft = new CompletableFuture<>();
		observer.on("peer-disconnected", (args, ack) -> peerLeft.complete(args));
		client.connect();
		observer.connect();
		String id = client.socket("/").id();
		client.disconnect();
		assertThat(peerLeft.get(TIMEOUT, TimeUnit.SECONDS).toList())
			.containsExactly(Map.of("id", id, "reason", "client namespace disconnect"));
		assertThat(List.of(reasons.poll(TIMEOUT, TimeUnit.SECONDS), reasons.poll(TIMEOUT, TimeUnit.SECONDS)))
			.containsOnly(DisconnectReason.IO_CLIENT_DISCONNECT);
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThat(client.isConnected()).isFalse();
		assertThat(observer.isConnected()).isTrue();
	}

	@Test
	void connectFailsWithinTheTimeoutWhenNothingListens() throws IOException {
		assumeTrue(this.server == ServerKind.NODE, "involves no server: runs once per transport");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		SocketIoClient client = this.clients.create("http://127.0.0.1:" + port, this.mode);
		CompletableFuture<SocketIoConnectException> connectError = new CompletableFuture<>();
		client.socket("/").onConnectError(connectError::complete);
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("127.0.0.1:" + port);
		assertThat(connectError).succeedsWithin(TIMEOUT, TimeUnit.SECONDS);
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
	}

	@Test
	void connectTimesOutWhenTheServerNeverAnswers() throws IOException {
		assumeTrue(this.server == ServerKind.NODE, "involves no server: runs once per transport");
		try (ServerSocket silent = new ServerSocket(0)) {
			SocketIoClient client = this.clients.create("http://127.0.0.1:" + silent.getLocalPort(), this.mode,
					(builder) -> builder.connectTimeout(Duration.ofMillis(500)));
			long start = System.nanoTime();
			assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
				.withMessageContaining("Timed out");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		}
	}

	@Test
	void closesTheConnectionOnAnInboundMessageOverTheLimit() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode, (builder) -> builder.maxInboundMessageSize(64 * 1024));
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		client.emit("large", 100_000);
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.TRANSPORT_ERROR);
	}

	@Test
	void closeIsFinal() {
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		client.close();
		assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
		assertThatExceptionOfType(NotConnectedException.class).isThrownBy(() -> client.emit("echo"));
		assertThatExceptionOfType(NotConnectedException.class).isThrownBy(client::connect);
		client.close();
	}

}
