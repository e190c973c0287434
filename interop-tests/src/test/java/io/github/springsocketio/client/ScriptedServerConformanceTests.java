package io.github.springsocketio.client;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conformance scenarios that need a server misbehaving in a precise way, played by the scripted
 * server of {@code socketio-test} (scenarios 12, 14, 15, 32, 34, 36, 38, 42, 43, 52).
 */
class ScriptedServerConformanceTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.scripted();

	@RegisterExtension
	final TestClients clients = new TestClients();

	private SocketIoClient client(String scenario) {
		return this.clients.create(server.url(), (builder) -> builder.query("scenario", scenario));
	}

	@Test
	void refusesAServerThatAnswersConnectWithoutSessionIdWhenSetToProtocol5() {
		SocketIoClient client = this.clients.create(server.url(),
				(builder) -> builder.query("scenario", "connect-without-sid").protocol(ProtocolVersion.V5));
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("Socket.IO 1.x/2.x server")
			.withMessageContaining("set it to auto or v4");
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThat(client.protocol()).isEqualTo(ProtocolVersion.V5);
	}

	@Test
	void deliversEventsThatArriveBeforeTheConnectReplyAfterConnecting() throws Exception {
		SocketIoClient client = client("event-before-connect-reply");
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		client.onAny((event, args, ack) -> events.add(event + args.toList()));
		client.socket("/").onConnect(() -> events.add("connect"));
		client.connect();
		assertThat(events.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("early[1]");
		assertThat(events.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("connect");
		assertThat(events.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("late[2]");
	}

	@Test
	void acceptsANumericEventName() throws Exception {
		SocketIoClient client = client("numeric-event");
		CompletableFuture<String> event = new CompletableFuture<>();
		client.on("7", String.class, event::complete);
		client.connect();
		assertThat(event.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("numeric");
	}

	@Test
	void ignoresAnAckWithAnUnknownId() throws Exception {
		SocketIoClient client = client("unknown-ack");
		CompletableFuture<Void> after = new CompletableFuture<>();
		client.on("after-unknown-ack", (args, ack) -> after.complete(null));
		client.connect();
		after.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void ignoresAnAckThatArrivesAfterItsTimeout() throws Exception {
		SocketIoClient client = client("late-ack");
		CompletableFuture<Void> after = new CompletableFuture<>();
		client.on("after-late-ack", (args, ack) -> after.complete(null));
		client.connect();
		CompletableFuture<Arguments> ack = client.socket("/").timeout(Duration.ofMillis(50)).emitWithAck("late-ack");
		assertThat(ack).failsWithin(TIMEOUT, TimeUnit.SECONDS)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(AckTimeoutException.class);
		after.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void emitsABinaryEventWithNoAttachmentsAtOnce() throws Exception {
		SocketIoClient client = client("zero-attachments");
		CompletableFuture<Arguments> event = new CompletableFuture<>();
		client.on("bin0", (args, ack) -> event.complete(args));
		client.connect();
		assertThat(event.get(TIMEOUT, TimeUnit.SECONDS).json(0).get("plain").booleanValue()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "invalid-event-payload", "invalid-packet-type", "invalid-engine-packet",
			"text-during-binary", "placeholder-out-of-range" })
	void closesTheConnectionWithParseErrorOnMalformedPackets(String scenario) throws Exception {
		SocketIoClient client = client(scenario);
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PARSE_ERROR);
		assertThat(DisconnectReason.PARSE_ERROR.willReconnect()).isTrue();
	}

	@Test
	void staysConnectedWhenPingsArriveLateButInsideTheWindow() throws Exception {
		SocketIoClient client = client("late-pings");
		CompletableFuture<Integer> survived = new CompletableFuture<>();
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.on("survived", Integer.class, survived::complete);
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		assertThat(survived.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(6);
		assertThat(disconnected).isNotDone();
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void closesWithPingTimeoutWhenTheServerNeverPings() throws Exception {
		SocketIoClient client = client("no-pings");
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		long start = System.nanoTime();
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PING_TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

}
