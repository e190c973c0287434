package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.springsocketio.client.AckTimeoutException;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.InboundOverflow;
import io.github.springsocketio.client.NotConnectedException;
import io.github.springsocketio.client.SendBufferFullException;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.SocketIoSocket;
import io.github.springsocketio.client.protocol.SocketProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The namespace protocol, its acknowledgements, its send buffer and its retry queue against a
 * fake connection: no server, every packet it sends recorded.
 */
class NamespaceTests {

	private static final long TIMEOUT = 5;

	private FakeNamespaceHost host = new FakeNamespaceHost(FakeNamespaceHost.options(0, Duration.ofSeconds(10), 1000));

	@AfterEach
	void close() {
		this.host.close();
	}

	private Namespace connected(String name) throws Exception {
		Namespace namespace = new Namespace(this.host, name);
		CompletableFuture<Void> connected = namespace.socket().connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains(connectPacket(name)));
		this.host.receive(namespace, connectPacket(name) + "{\"sid\":\"abc\"}");
		connected.get(TIMEOUT, TimeUnit.SECONDS);
		this.host.sent.clear();
		return namespace;
	}

	private static String connectPacket(String namespace) {
		return "/".equals(namespace) ? "0" : "0" + namespace + ",";
	}

	@Test
	void connectsOnTheServersReplyAndTellsTheConnection() throws Exception {
		Namespace namespace = connected("/chat");
		SocketIoSocket socket = namespace.socket();
		assertThat(socket.isConnected()).isTrue();
		assertThat(socket.id()).isEqualTo("abc");
		assertThat(this.host.reports.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("connected /chat");
	}

	@Test
	void aRefusedConnectFailsWithTheServersMessageAndTellsTheConnection() throws Exception {
		Namespace namespace = new Namespace(this.host, "/");
		SocketIoSocket socket = namespace.socket();
		CompletableFuture<Void> connected = socket.connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("0"));
		this.host.receive(namespace, "4{\"message\":\"not authorized\",\"data\":{\"code\":401}}");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> connected.get(TIMEOUT, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(SocketIoConnectException.class,
					(failure) -> assertThat(failure.serverMessage()).isEqualTo("not authorized"));
		assertThat(this.host.reports.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("refused /");
		assertThat(socket.isConnected()).isFalse();
	}

	@Test
	void aServerDisconnectLeavesTheNamespaceAndTellsItsHandlersAndTheConnection() throws Exception {
		Namespace namespace = connected("/");
		SocketIoSocket socket = namespace.socket();
		this.host.reports.clear();
		CompletableFuture<DisconnectReason> reason = new CompletableFuture<>();
		socket.onDisconnect(reason::complete);
		this.host.receive(namespace, "1");
		assertThat(reason.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_SERVER_DISCONNECT);
		assertThat(socket.isConnected()).isFalse();
		assertThat(this.host.reports.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("left /");
	}

	@Test
	void buffersEmitsWhileNotConnectedAndSendsThemInOrderOnceConnected() throws Exception {
		Namespace namespace = new Namespace(this.host, "/");
		SocketIoSocket socket = namespace.socket();
		socket.emit("first", 1);
		socket.emit("second", 2);
		assertThat(socket.bufferedEmits()).isEqualTo(2);
		assertThat(this.host.sent).isEmpty();
		socket.connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("0"));
		this.host.receive(namespace, "0{\"sid\":\"abc\"}");
		assertThat(this.host.sent).containsExactly("0", "2[\"first\",1]", "2[\"second\",2]");
		assertThat(socket.bufferedEmits()).isZero();
	}

	@Test
	void refusesAnEmitBeyondTheSendBufferAtOnce() {
		this.host.close();
		this.host = new FakeNamespaceHost(FakeNamespaceHost.options(0, Duration.ofSeconds(10), 2));
		Namespace namespace = new Namespace(this.host, "/");
		SocketIoSocket socket = namespace.socket();
		socket.emit("a");
		socket.emit("b");
		assertThatExceptionOfType(SendBufferFullException.class).isThrownBy(() -> socket.emit("c"));
		assertThat(socket.bufferedEmits()).isEqualTo(2);
	}

	@Test
	void completesAnAckOnceAndIgnoresUnknownIds() throws Exception {
		Namespace namespace = connected("/");
		SocketIoSocket socket = namespace.socket();
		CompletableFuture<Arguments> reply = socket.emitWithAck("add", 1, 2);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("20[\"add\",1,2]"));
		this.host.receive(namespace, "399[\"unknown\"]");
		assertThat(reply).isNotDone();
		this.host.receive(namespace, "30[3]");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).get(0, Integer.class)).isEqualTo(3);
		this.host.receive(namespace, "30[4]");
		assertThat(reply.get().get(0, Integer.class)).isEqualTo(3);
	}

	@Test
	void failsTheAckOfASentEmitWhenTheConnectionIsLostButKeepsABufferedOne() throws Exception {
		Namespace namespace = connected("/");
		SocketIoSocket socket = namespace.socket();
		CompletableFuture<Arguments> sent = socket.emitWithAck("first");
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.size() == 1);
		this.host.open = false;
		this.host.onSerial(() -> namespace.disconnected(DisconnectReason.TRANSPORT_CLOSE));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> sent.get(TIMEOUT, TimeUnit.SECONDS))
			.withCauseInstanceOf(NotConnectedException.class)
			.withMessageContaining("transport close");
		CompletableFuture<Arguments> buffered = socket.emitWithAck("second");
		assertThat(socket.bufferedEmits()).isEqualTo(1);
		this.host.open = true;
		this.host.onSerial(namespace::sendConnect);
		this.host.receive(namespace, "0{\"sid\":\"def\"}");
		assertThat(this.host.sent).containsExactly("20[\"first\"]", "0", "21[\"second\"]");
		this.host.receive(namespace, "31[\"ok\"]");
		assertThat(buffered.get(TIMEOUT, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("ok");
	}

	@Test
	void timesOutAnAckAndDropsItsEmitThatWasNeverSent() throws Exception {
		Namespace namespace = new Namespace(this.host, "/");
		SocketIoSocket socket = namespace.socket();
		CompletableFuture<Arguments> reply = socket.timeout(Duration.ofMillis(50)).emitWithAck("late");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(TIMEOUT, TimeUnit.SECONDS))
			.withCauseInstanceOf(AckTimeoutException.class);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> socket.bufferedEmits() == 0);
		socket.connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("0"));
		this.host.receive(namespace, "0{\"sid\":\"abc\"}");
		assertThat(this.host.sent).containsExactly("0");
	}

	@Test
	void retriesAnEmitWithANewIdAfterAnAckTimeoutAndIgnoresTheLateAckOfTheFirstTry() throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(FakeNamespaceHost.options(2, Duration.ofSeconds(1), 1000));
		Namespace namespace = connected("/");
		SocketIoSocket socket = namespace.socket();
		// The server answers the second try at once, and the first one only then.
		this.host.onSent = (text) -> {
			if (text.equals("21[\"job\",\"a\"]")) {
				this.host.receiveNext(namespace, "30[\"too late\"]");
				this.host.receiveNext(namespace, "31[\"done\"]");
			}
		};
		CompletableFuture<Arguments> reply = socket.emitWithAck("job", "a");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("done");
		assertThat(this.host.sent).containsExactly("20[\"job\",\"a\"]", "21[\"job\",\"a\"]");
	}

	@Test
	void retriesFailOnceOutOfTriesAndTheNextEmitGoesOut() throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(FakeNamespaceHost.options(1, Duration.ofMillis(50), 1000));
		Namespace namespace = connected("/");
		SocketIoSocket socket = namespace.socket();
		this.host.onSent = (text) -> {
			if (text.contains("\"second\"")) {
				this.host.receiveNext(namespace, "3" + text.substring(1, text.indexOf('[')) + "[]");
			}
		};
		CompletableFuture<Arguments> first = socket.emitWithAck("first");
		CompletableFuture<Arguments> second = socket.emitWithAck("second");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> first.get(TIMEOUT, TimeUnit.SECONDS))
			.withCauseInstanceOf(AckTimeoutException.class)
			.withMessageContaining("after 2 tries");
		assertThat(second.get(TIMEOUT, TimeUnit.SECONDS).isEmpty()).isTrue();
		assertThat(this.host.sent).containsExactly("20[\"first\"]", "21[\"first\"]", "22[\"second\"]");
	}

	@Test
	void retriesSendTheEmitInFlightAgainAfterAReconnect() throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(FakeNamespaceHost.options(3, Duration.ofSeconds(30), 1000));
		Namespace namespace = connected("/");
		SocketIoSocket socket = namespace.socket();
		CompletableFuture<Arguments> reply = socket.emitWithAck("job");
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.size() == 1);
		this.host.onSerial(() -> namespace.disconnected(DisconnectReason.TRANSPORT_CLOSE));
		assertThat(reply).isNotDone();
		this.host.onSerial(namespace::sendConnect);
		this.host.receive(namespace, "0{\"sid\":\"def\"}");
		assertThat(this.host.sent).isEqualTo(List.of("20[\"job\"]", "0", "21[\"job\"]"));
		this.host.receive(namespace, "30[\"lost with the connection\"]");
		assertThat(reply).isNotDone();
		this.host.receive(namespace, "31[\"done\"]");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("done");
	}

	@Test
	void connectsAsProtocol4Does() throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(
				new NamespaceOptions(Duration.ofSeconds(10), 0, 1000, 10_000, InboundOverflow.PAUSE,
						(namespace) -> Map.of("token", "a b&c"),
						Map.of("v", "1"), List.of(), null),
				SocketProtocol.V4);
		Namespace root = new Namespace(this.host, "/");
		Namespace chat = new Namespace(this.host, "/chat");
		CompletableFuture<Void> rootConnected = root.socket().connectAsync();
		CompletableFuture<Void> chatConnected = chat.socket().connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> !this.host.sent.isEmpty());
		// The server connects "/" by itself; "/chat" carries the query and the auth map as its query.
		assertThat(this.host.sent).containsExactly("0/chat?v=1&token=a+b%26c,");
		this.host.receive(root, "0");
		this.host.receive(chat, "0/chat");
		rootConnected.get(TIMEOUT, TimeUnit.SECONDS);
		chatConnected.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(root.socket().id()).isEqualTo("engine-sid");
		assertThat(chat.socket().id()).isEqualTo("/chat#engine-sid");
		// Leaving "/" sends nothing: a DISCONNECT of "/" would close every namespace.
		this.host.onSerial(() -> root.leave(DisconnectReason.IO_CLIENT_DISCONNECT, true));
		this.host.onSerial(() -> chat.leave(DisconnectReason.IO_CLIENT_DISCONNECT, true));
		assertThat(this.host.sent).containsExactly("0/chat?v=1&token=a+b%26c,", "1/chat,");
	}

	@Test
	void connectsTheDefaultNamespaceAtOnceWhenTheProtocol4ServerConnectedItBeforeItWasJoined() throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(FakeNamespaceHost.options(0, Duration.ofSeconds(10), 1000), SocketProtocol.V4);
		this.host.serverConnectedDefaultNamespace = true;
		Namespace root = new Namespace(this.host, "/");
		root.socket().connectAsync().get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(root.socket().id()).isEqualTo("engine-sid");
		assertThat(this.host.sent).isEmpty();
	}

	@Test
	void readsAProtocol4RefusalWhetherTextOrData() throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(FakeNamespaceHost.options(0, Duration.ofSeconds(10), 1000), SocketProtocol.V4);
		Namespace chat = new Namespace(this.host, "/chat");
		CompletableFuture<Void> text = chat.socket().connectAsync();
		this.host.receive(chat, "4/chat,\"Not authorized\"");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> text.get(TIMEOUT, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(SocketIoConnectException.class,
					(failure) -> assertThat(failure.serverMessage()).isEqualTo("Not authorized"));
		CompletableFuture<Void> data = chat.socket().connectAsync();
		this.host.receive(chat, "4/chat,{\"code\":401}");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> data.get(TIMEOUT, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(SocketIoConnectException.class,
					(failure) -> assertThat(failure.data().get("code").asInt()).isEqualTo(401));
	}

	@Test
	void asksTheConnectionToSwitchWhenAProtocol5ConnectIsAnsweredWithoutASessionId() throws Exception {
		Namespace chat = new Namespace(this.host, "/chat");
		CompletableFuture<Void> connected = chat.socket().connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> !this.host.sent.isEmpty());
		this.host.receive(chat, "0/chat,");
		assertThat(this.host.reports.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("older protocol");
		// This connection may not switch: the connect fails, saying what to do.
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> connected.get(TIMEOUT, TimeUnit.SECONDS))
			.havingCause()
			.withMessageContaining("Socket.IO 1.x/2.x server")
			.withMessageContaining("set it to auto or v4");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void completesAcknowledgementsEvenWhenTheHandlerExecutorRefusesWork(int retries) throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(FakeNamespaceHost.options(retries, Duration.ofSeconds(10), 1000));
		AtomicBoolean shutDown = new AtomicBoolean();
		// The namespace keeps the executor it was created with: it refuses from now on.
		this.host.handlers = (task) -> {
			if (shutDown.get()) {
				throw new RejectedExecutionException("shut down");
			}
			task.run();
		};
		Namespace namespace = connected("/");
		shutDown.set(true);
		CompletableFuture<Arguments> reply = namespace.socket().emitWithAck("a");
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.stream().anyMatch((sent) -> sent.startsWith("2")));
		String sent = this.host.sent.stream().filter((packet) -> packet.startsWith("2")).findFirst().orElseThrow();
		this.host.receive(namespace, "3" + sent.substring(1, sent.indexOf('[')) + "[1]");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(TIMEOUT, TimeUnit.SECONDS))
			.withRootCauseInstanceOf(RejectedExecutionException.class);
	}

}
