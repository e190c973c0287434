package io.github.springsocketio.client;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conformance scenarios of HTTP long-polling, upgrade and close that need a server misbehaving in
 * a precise way, played by the scripted server of {@code socketio-test} (scenarios 3, 12, 18,
 * 19, 20, 24, 25).
 */
class ScriptedPollingConformanceTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.scripted();

	@RegisterExtension
	final TestClients clients = new TestClients();

	private SocketIoClient client(String scenario, TransportMode mode) {
		return this.clients.create(server.url(), mode, (builder) -> builder.query("scenario", scenario));
	}

	private static CompletableFuture<String> reply(SocketIoClient client) {
		CompletableFuture<String> reply = new CompletableFuture<>();
		client.on("reply", String.class, reply::complete);
		return reply;
	}

	@Test
	void acceptsAHandshakeWithUnknownFieldsFollowedByAnotherPacket() throws Exception {
		SocketIoClient client = client("polling-open-with-extras", TransportMode.POLLING);
		CompletableFuture<String> reply = reply(client);
		client.connect();
		client.emit("hello", 1);
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("42[\"hello\",1]");
	}

	@Test
	void saysThatNeitherRevisionWorksWhenTheServerLooksOlderButRefusesTheOlderRevision() {
		SocketIoClient client = client("polling-neither-revision", TransportMode.POLLING);
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("neither protocol revision works")
			.withMessageContaining("Unsupported protocol version");
		assertThat(client.protocol()).isNull();
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "polling-drop-second-post", "polling-drop-second-poll" })
	void sendsARequestAgainWhenItsConnectionClosedBeforeAnswering(String scenario) throws Exception {
		SocketIoClient client = client(scenario, TransportMode.POLLING);
		BlockingQueue<String> replies = new LinkedBlockingQueue<>();
		client.on("reply", String.class, replies::add);
		client.connect();
		client.emit("hello", 1);
		assertThat(replies.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("42[\"hello\",1]");
		client.emit("hello", 2);
		assertThat(replies.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("42[\"hello\",2]");
		assertThat(replies).isEmpty();
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void closesWithParseErrorOnGarbageInAPayload() throws Exception {
		SocketIoClient client = client("polling-garbage", TransportMode.POLLING);
		CompletableFuture<SocketIoConnectException> error = new CompletableFuture<>();
		client.socket("/").onConnectError(error::complete);
		client.connectAsync();
		assertThat(error.get(TIMEOUT, TimeUnit.SECONDS)).hasMessageContaining("Unknown Engine.IO packet type");
		assertThat(client.await(Duration.ofSeconds(TIMEOUT))).isTrue();
	}

	@Test
	void reconnectsWithANewHandshakeWhenTheSessionIsUnknown() throws Exception {
		SocketIoClient client = this.clients.create(server.url(), TransportMode.POLLING,
				(builder) -> builder.query("scenario", "polling-session-unknown")
					.reconnection(Reconnection.exponential(Duration.ofMillis(50), Duration.ofMillis(100)).withAttempts(1)));
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		CompletableFuture<Integer> attempt = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.onReconnectAttempt(attempt::complete);
		client.connect();
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.TRANSPORT_ERROR);
		assertThat(attempt.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void staysOnPollingWhenTheProbeIsAnsweredWrongly() throws Exception {
		SocketIoClient client = client("probe-wrong-answer", TransportMode.UPGRADE);
		CompletableFuture<Void> answered = new CompletableFuture<>();
		client.on("probe-answered", (args, ack) -> answered.complete(null));
		CompletableFuture<String> reply = reply(client);
		client.connect();
		answered.get(TIMEOUT, TimeUnit.SECONDS);
		client.emit("after-probe");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("42[\"after-probe\"]");
		assertThat(client.transport()).isEqualTo(Transport.POLLING);
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void staysOnPollingWhenTheWebSocketIsRefused() throws Exception {
		SocketIoClient client = client("probe-refused", TransportMode.UPGRADE);
		CompletableFuture<Void> refused = new CompletableFuture<>();
		client.on("probe-refused", (args, ack) -> refused.complete(null));
		CompletableFuture<String> reply = reply(client);
		client.connect();
		refused.get(TIMEOUT, TimeUnit.SECONDS);
		client.emit("after-probe");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("42[\"after-probe\"]");
		assertThat(client.transport()).isEqualTo(Transport.POLLING);
	}

	@Test
	void aSessionClosedDuringTheProbeEndsWithOneTransportClose() throws Exception {
		SocketIoClient client = client("probe-then-close", TransportMode.UPGRADE);
		java.util.concurrent.BlockingQueue<DisconnectReason> reasons = new java.util.concurrent.LinkedBlockingQueue<>();
		client.socket("/").onDisconnect(reasons::add);
		client.connect();
		assertThat(reasons.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.TRANSPORT_CLOSE);
		assertThat(client.await(Duration.ofSeconds(TIMEOUT))).isTrue();
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThat(reasons.poll(200, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void aClosePacketFromTheServerIsATransportClose() throws Exception {
		SocketIoClient client = client("close-packet", TransportMode.WEBSOCKET);
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.TRANSPORT_CLOSE);
	}

}
