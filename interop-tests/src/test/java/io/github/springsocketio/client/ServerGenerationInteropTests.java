package io.github.springsocketio.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * One client for every server generation: Socket.IO 2.x, 3.x and 4.x, 4.x taking Engine.IO 3
 * clients, netty-socketio 1.x and 2.x and python-socketio, on WebSocket, long-polling and
 * long-polling with the upgrade. The client is left at {@link ProtocolVersion#AUTO} (but where the
 * run forces protocol 4) and must find each server's revision. Where a server cannot do something,
 * the test says so and checks what it can.
 */
@ParameterizedClass(name = "{0} over {1}")
@MethodSource("targets")
class ServerGenerationInteropTests {

	private static final long TIMEOUT = 10;

	private static final Reconnection FAST = Reconnection.exponential(Duration.ofMillis(100), Duration.ofMillis(300));

	/** Each generation's server, started when its first run needs it and kept for the class. */
	private static final Map<ServerGeneration, SocketIoServerExtension> SERVERS = new EnumMap<>(ServerGeneration.class);

	@Parameter(0)
	ServerGeneration server;

	@Parameter(1)
	TransportMode mode;

	@RegisterExtension
	final TestClients clients = new TestClients();

	@RegisterExtension
	final TestExecutionExceptionHandler namesTheRunInFailures = RunNames
		.inFailures(() -> this.server + " over " + this.mode);

	static List<org.junit.jupiter.params.provider.Arguments> targets() {
		List<org.junit.jupiter.params.provider.Arguments> targets = new ArrayList<>();
		for (ServerGeneration server : ServerGeneration.values()) {
			for (TransportMode mode : List.of(TransportMode.WEBSOCKET_JDK, TransportMode.POLLING, TransportMode.UPGRADE)) {
				targets.add(org.junit.jupiter.params.provider.Arguments.of(server, mode));
			}
		}
		return targets;
	}

	@AfterAll
	static void stopServers() {
		synchronized (SERVERS) {
			SERVERS.values().forEach(SocketIoServerExtension::stop);
			SERVERS.clear();
		}
	}

	private SocketIoServerExtension running() throws Exception {
		synchronized (SERVERS) {
			SocketIoServerExtension extension = SERVERS.get(this.server);
			if (extension == null) {
				extension = this.server.extension();
				extension.start();
				SERVERS.put(this.server, extension);
			}
			return extension;
		}
	}

	private SocketIoClient client(UnaryOperator<SocketIoClient.Builder> customizer) throws Exception {
		return this.clients.create(running().url(), this.mode,
				(builder) -> customizer.apply(builder.protocol(this.server.clientSetting())));
	}

	@Test
	void connectsWithAuthSpeakingTheRevisionOfTheServer() throws Exception {
		SocketIoClient client = client((builder) -> builder.namespaces("/", "/auth")
			.auth(Map.of("token", "secret-token")));
		CompletableFuture<JsonNode> welcome = new CompletableFuture<>();
		client.socket("/auth").on("welcome", (args, ack) -> welcome.complete(args.json(0)));
		assertThat(client.protocol()).isNull();
		client.connect();
		JsonNode info = welcome.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(info.get("token").asString()).isEqualTo("secret-token");
		assertThat(info.get("namespace").asString()).isEqualTo("/auth");
		assertThat(client.socket("/auth").id()).endsWith(info.get("id").asString());
		assertThat(client.protocol()).isEqualTo(this.server.revision());
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(client::transport, (transport) -> transport == this.mode.settledTransport());
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void refusedNamespacesFailWithTheServersMessage() throws Exception {
		SocketIoClient client = client((builder) -> builder.auth(Map.of("token", "wrong")));
		client.connect();
		if (!this.server.refusesANamespace()) {
			// netty-socketio 1.x cannot refuse one namespace: it accepts the connect, then disconnects it.
			CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
			client.socket("/auth").onDisconnect(disconnected::complete);
			client.socket("/auth").connect();
			assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_SERVER_DISCONNECT);
			assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
			return;
		}
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(() -> client.socket("/auth").connect())
			.satisfies((failure) -> assertThat(failure.serverMessage()).isEqualTo("invalid token"));
		assertThatExceptionOfType(SocketIoConnectException.class)
			.isThrownBy(() -> client.socket("/rejecting").connect())
			.satisfies((failure) -> assertThat(failure.serverMessage()).isEqualTo("not authorized"));
		assertThat(client.isConnected()).isTrue();
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
	}

	@Test
	void eventsAndAcksGoBothWaysOnTwoNamespaces() throws Exception {
		SocketIoClient client = client((builder) -> builder.namespaces("/", "/chat"));
		SocketIoSocket chat = client.socket("/chat");
		BlockingQueue<Arguments> echoes = new LinkedBlockingQueue<>();
		chat.on("echo", (args, ack) -> echoes.add(args));
		chat.on("server-request", (args, ack) -> ack.send("reply", args.get(0, String.class)));
		CompletableFuture<Arguments> reply = new CompletableFuture<>();
		chat.on("server-request-reply", (args, ack) -> reply.complete(args));
		client.connect();
		String text = this.server.carriesEmoji(this.mode) ? "ünïcødé 😀" : "ünïcødé";
		Map<String, Object> payload = Map.of("text", text, "list", List.of(1, 2.5, true));
		chat.emit("echo", payload, 7);
		assertThat(echoes.poll(TIMEOUT, TimeUnit.SECONDS).toList()).containsExactly(payload, 7);
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
		assertThat(chat.emitWithAck("echo", "a", 2).get(TIMEOUT, TimeUnit.SECONDS).toList()).containsExactly("a", 2);
		chat.emit("request-ack", "payload");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).toList()).containsExactly("reply", "payload");
	}

	@Test
	void binaryGoesBothWays() throws Exception {
		// netty-socketio 2.0.13 breaks binary attachments with Engine.IO 4 clients both ways (a type byte
		// before each one on WebSocket, Engine.IO 3 framing on polling: its issues #940 and #997).
		Assumptions.assumeTrue(this.server.handlesBinary(), () -> this.server + " mangles binary attachments");
		SocketIoClient client = client((builder) -> builder.namespaces("/chat"));
		SocketIoSocket chat = client.socket("/chat");
		CompletableFuture<Arguments> binary = new CompletableFuture<>();
		chat.on("binary", (args, ack) -> binary.complete(args));
		client.connect();
		Arguments acked = chat.emitWithAck("binary").get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(acked.json(0).get("first").binaryValue()).containsExactly(0, 1, 2);
		chat.emit("emit-binary");
		Arguments emitted = binary.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(emitted.get(0, byte[].class)).containsExactly(9, 8, 7);
		assertThat(emitted.json(1).get("inner").get(0).binaryValue()).containsExactly(6, 5);
		if (!this.server.readsClientBinary(this.mode)) {
			// netty-socketio 1.x over long-polling loses attachments posted with their event: only the
			// server's binary is checked.
			return;
		}
		Arguments echoed = chat.emitWithAck("echo", new byte[] { 1, 2, 3 }, Map.of("inner", new byte[] { 4 }))
			.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(echoed.get(0, byte[].class)).containsExactly(1, 2, 3);
		assertThat(echoed.json(1).get("inner").binaryValue()).containsExactly(4);
	}

	@Test
	void aServerSideDisconnectLeavesTheOtherNamespaceConnected() throws Exception {
		SocketIoClient client = client((builder) -> builder.namespaces("/", "/chat"));
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/chat").onDisconnect(disconnected::complete);
		client.connect();
		client.socket("/chat").emit("disconnect-me");
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_SERVER_DISCONNECT);
		assertThat(client.socket("/chat").isConnected()).isFalse();
		assertThat(client.call("add", Integer.class, 2, 3)).isEqualTo(5);
	}

	@Test
	void theHeartbeatKeepsTheConnectionAcrossPingIntervals() throws Exception {
		SocketIoClient client = client(UnaryOperator.identity());
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		// A heartbeat that fails (no ping, or no pong) ends the connection within one ping interval and
		// timeout; this stays connected over two intervals and the timeout.
		Duration window = Duration.ofMillis(2 * ServerGeneration.PING_INTERVAL_MILLIS + ServerGeneration.PING_TIMEOUT_MILLIS);
		await().during(window).atMost(window.plusSeconds(TIMEOUT)).until(() -> !disconnected.isDone());
		assertThat(client.call("add", Integer.class, 2, 2)).isEqualTo(4);
	}

	@Test
	void reconnectsAfterTheServerRestarts() throws Exception {
		SocketIoServerExtension running = running();
		SocketIoClient client = client((builder) -> builder.namespaces("/", "/chat").reconnection(FAST));
		CompletableFuture<Integer> reconnected = new CompletableFuture<>();
		client.onReconnect(reconnected::complete);
		client.connect();
		running.stop();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(client::state, (state) -> state == ConnectionState.RECONNECTING);
		running.start();
		assertThat(reconnected.get(TIMEOUT * 2, TimeUnit.SECONDS)).isPositive();
		assertThat(client.socket("/chat").call("add", Integer.class, 1, 1)).isEqualTo(2);
		assertThat(client.protocol()).isEqualTo(this.server.revision());
	}

}
