package io.github.springsocketio.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The namespace protocol, its acknowledgements, its send buffer and its retry queue against a
 * fake connection: no server, every packet it sends recorded.
 */
class NamespaceSocketTests {

	private static final long TIMEOUT = 5;

	private FakeNamespaceHost host = new FakeNamespaceHost(SocketIoClient.builder("http://localhost"));

	@AfterEach
	void close() {
		this.host.close();
	}

	private NamespaceSocket connectedSocket(String namespace) throws Exception {
		NamespaceSocket socket = new NamespaceSocket(this.host, namespace);
		CompletableFuture<Void> connected = socket.connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains(connectPacket(namespace)));
		this.host.receive(socket, connectPacket(namespace) + "{\"sid\":\"abc\"}");
		connected.get(TIMEOUT, TimeUnit.SECONDS);
		this.host.sent.clear();
		return socket;
	}

	private static String connectPacket(String namespace) {
		return "/".equals(namespace) ? "0" : "0" + namespace + ",";
	}

	@Test
	void connectsOnTheServersReplyAndTellsTheConnection() throws Exception {
		NamespaceSocket socket = connectedSocket("/chat");
		assertThat(socket.isConnected()).isTrue();
		assertThat(socket.id()).isEqualTo("abc");
		assertThat(this.host.reports.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("connected /chat");
	}

	@Test
	void aRefusedConnectFailsWithTheServersMessageAndTellsTheConnection() throws Exception {
		NamespaceSocket socket = new NamespaceSocket(this.host, "/");
		CompletableFuture<Void> connected = socket.connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("0"));
		this.host.receive(socket, "4{\"message\":\"not authorized\",\"data\":{\"code\":401}}");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> connected.get(TIMEOUT, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(SocketIoConnectException.class,
					(failure) -> assertThat(failure.serverMessage()).isEqualTo("not authorized"));
		assertThat(this.host.reports.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("refused /");
		assertThat(socket.isConnected()).isFalse();
	}

	@Test
	void aServerDisconnectLeavesTheNamespaceAndTellsItsHandlersAndTheConnection() throws Exception {
		NamespaceSocket socket = connectedSocket("/");
		this.host.reports.clear();
		CompletableFuture<DisconnectReason> reason = new CompletableFuture<>();
		socket.onDisconnect(reason::complete);
		this.host.receive(socket, "1");
		assertThat(reason.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_SERVER_DISCONNECT);
		assertThat(socket.isConnected()).isFalse();
		assertThat(this.host.reports.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("left /");
	}

	@Test
	void buffersEmitsWhileNotConnectedAndSendsThemInOrderOnceConnected() throws Exception {
		NamespaceSocket socket = new NamespaceSocket(this.host, "/");
		socket.emit("first", 1);
		socket.emit("second", 2);
		assertThat(socket.bufferedEmits()).isEqualTo(2);
		assertThat(this.host.sent).isEmpty();
		socket.connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("0"));
		this.host.receive(socket, "0{\"sid\":\"abc\"}");
		assertThat(this.host.sent).containsExactly("0", "2[\"first\",1]", "2[\"second\",2]");
		assertThat(socket.bufferedEmits()).isZero();
	}

	@Test
	void refusesAnEmitBeyondTheSendBufferAtOnce() {
		this.host.close();
		this.host = new FakeNamespaceHost(SocketIoClient.builder("http://localhost").sendBufferMaxPackets(2));
		NamespaceSocket socket = new NamespaceSocket(this.host, "/");
		socket.emit("a");
		socket.emit("b");
		assertThatExceptionOfType(SendBufferFullException.class).isThrownBy(() -> socket.emit("c"));
		assertThat(socket.bufferedEmits()).isEqualTo(2);
	}

	@Test
	void completesAnAckOnceAndIgnoresUnknownIds() throws Exception {
		NamespaceSocket socket = connectedSocket("/");
		CompletableFuture<Arguments> reply = socket.emitWithAck("add", 1, 2);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("20[\"add\",1,2]"));
		this.host.receive(socket, "399[\"unknown\"]");
		assertThat(reply).isNotDone();
		this.host.receive(socket, "30[3]");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).get(0, Integer.class)).isEqualTo(3);
		this.host.receive(socket, "30[4]");
		assertThat(reply.get().get(0, Integer.class)).isEqualTo(3);
	}

	@Test
	void failsTheAckOfASentEmitWhenTheConnectionIsLostButKeepsABufferedOne() throws Exception {
		NamespaceSocket socket = connectedSocket("/");
		CompletableFuture<Arguments> sent = socket.emitWithAck("first");
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.size() == 1);
		this.host.open = false;
		this.host.onSerial(() -> socket.disconnected(DisconnectReason.TRANSPORT_CLOSE));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> sent.get(TIMEOUT, TimeUnit.SECONDS))
			.withCauseInstanceOf(NotConnectedException.class)
			.withMessageContaining("transport close");
		CompletableFuture<Arguments> buffered = socket.emitWithAck("second");
		assertThat(socket.bufferedEmits()).isEqualTo(1);
		this.host.open = true;
		this.host.onSerial(socket::sendConnect);
		this.host.receive(socket, "0{\"sid\":\"def\"}");
		assertThat(this.host.sent).containsExactly("20[\"first\"]", "0", "21[\"second\"]");
		this.host.receive(socket, "31[\"ok\"]");
		assertThat(buffered.get(TIMEOUT, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("ok");
	}

	@Test
	void timesOutAnAckAndDropsItsEmitThatWasNeverSent() throws Exception {
		NamespaceSocket socket = new NamespaceSocket(this.host, "/");
		CompletableFuture<Arguments> reply = socket.timeout(Duration.ofMillis(50)).emitWithAck("late");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(TIMEOUT, TimeUnit.SECONDS))
			.withCauseInstanceOf(AckTimeoutException.class);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> socket.bufferedEmits() == 0);
		socket.connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("0"));
		this.host.receive(socket, "0{\"sid\":\"abc\"}");
		assertThat(this.host.sent).containsExactly("0");
	}

	@Test
	void retriesAnEmitWithANewIdAfterAnAckTimeoutAndIgnoresTheLateAckOfTheFirstTry() throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(SocketIoClient.builder("http://localhost").retries(2).ackTimeout(Duration.ofSeconds(1)));
		NamespaceSocket socket = connectedSocket("/");
		// The server answers the second try at once, and the first one only then.
		this.host.onSent = (text) -> {
			if (text.equals("21[\"job\",\"a\"]")) {
				this.host.receiveNext(socket, "30[\"too late\"]");
				this.host.receiveNext(socket, "31[\"done\"]");
			}
		};
		CompletableFuture<Arguments> reply = socket.emitWithAck("job", "a");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("done");
		assertThat(this.host.sent).containsExactly("20[\"job\",\"a\"]", "21[\"job\",\"a\"]");
	}

	@Test
	void retriesFailOnceOutOfTriesAndTheNextEmitGoesOut() throws Exception {
		this.host.close();
		this.host = new FakeNamespaceHost(SocketIoClient.builder("http://localhost").retries(1).ackTimeout(Duration.ofMillis(50)));
		NamespaceSocket socket = connectedSocket("/");
		this.host.onSent = (text) -> {
			if (text.contains("\"second\"")) {
				this.host.receiveNext(socket, "3" + text.substring(1, text.indexOf('[')) + "[]");
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
		this.host = new FakeNamespaceHost(SocketIoClient.builder("http://localhost").retries(3).ackTimeout(Duration.ofSeconds(30)));
		NamespaceSocket socket = connectedSocket("/");
		CompletableFuture<Arguments> reply = socket.emitWithAck("job");
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.size() == 1);
		this.host.onSerial(() -> socket.disconnected(DisconnectReason.TRANSPORT_CLOSE));
		assertThat(reply).isNotDone();
		this.host.onSerial(socket::sendConnect);
		this.host.receive(socket, "0{\"sid\":\"def\"}");
		assertThat(this.host.sent).isEqualTo(List.of("20[\"job\"]", "0", "21[\"job\"]"));
		this.host.receive(socket, "30[\"lost with the connection\"]");
		assertThat(reply).isNotDone();
		this.host.receive(socket, "31[\"done\"]");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("done");
	}

}
