package io.github.springsocketio.client.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.protocol.Handshake;
import io.github.springsocketio.client.transport.TransportConnection;
import io.github.springsocketio.client.transport.TransportListener;
import io.github.springsocketio.client.transport.TransportRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the {@link EngineSession} state machine over an in-memory transport.
 */
class EngineSessionTests {

	private static final String OPEN = "0{\"sid\":\"s\",\"upgrades\":[],\"pingInterval\":%d,\"pingTimeout\":%d,\"maxPayload\":1000}";

	private static final TransportRequest REQUEST = new TransportRequest(URI.create("ws://localhost/socket.io/"), Map.of(),
			1000, EngineProtocol.V4);

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	private final RecordingListener listener = new RecordingListener();

	private final RecordingConnection connection = new RecordingConnection(Transport.WEBSOCKET);

	private final SerialExecutor serial = new SerialExecutor(this.executor);

	private final EngineSession session = new EngineSession(this.serial, this.scheduler, JsonMapper.builder().build(),
			EngineProtocol.V4, this.listener);

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
		this.scheduler.shutdownNow();
	}

	private TransportListener open() {
		return open(CompletableFuture.completedFuture(this.connection));
	}

	private TransportListener open(CompletableFuture<TransportConnection> opened) {
		CompletableFuture<TransportListener> transportListener = new CompletableFuture<>();
		this.session.open((request, listener) -> {
			transportListener.complete(listener);
			return opened;
		}, REQUEST);
		return transportListener.join();
	}

	private void onSerial(Runnable task) throws Exception {
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.serial.execute(() -> {
			task.run();
			done.complete(null);
		});
		done.get(5, TimeUnit.SECONDS);
	}

	@Test
	void readsTheHandshakeAndAnswersPings() throws Exception {
		TransportListener transport = open();
		transport.onText(OPEN.formatted(25000, 20000));
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		transport.onText("2");
		transport.onText("4hello");
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("message hello");
		assertThat(this.connection.frames).containsExactly("3");
		transport.onText("1");
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("close TRANSPORT_CLOSE");
	}

	@Test
	void handsTheHandshakeToAnOpenConnection() throws Exception {
		TransportListener transport = open();
		transport.onText(OPEN.formatted(25000, 20000));
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		assertThat(this.connection.handshakes).containsExactly("s");
	}

	@Test
	void handsTheHandshakeToAConnectionWhoseOpenCompletesAfterIt() throws Exception {
		// Long-polling delivers the handshake before its open completes.
		CompletableFuture<TransportConnection> opening = new CompletableFuture<>();
		TransportListener transport = open(opening);
		transport.onText(OPEN.formatted(25000, 20000));
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		assertThat(this.connection.handshakes).isEmpty();
		opening.complete(this.connection);
		onSerial(() -> {
		});
		assertThat(this.connection.handshakes).containsExactly("s");
	}

	@Test
	void pingsTheServerWhereTheProtocolSaysTheClientPings() throws Exception {
		EngineSession session = new EngineSession(this.serial, this.scheduler, JsonMapper.builder().build(),
				EngineProtocol.V3, this.listener);
		CompletableFuture<TransportListener> transportListener = new CompletableFuture<>();
		session.open((request, listener) -> {
			transportListener.complete(listener);
			return CompletableFuture.completedFuture(this.connection);
		}, REQUEST);
		TransportListener transport = transportListener.join();
		transport.onText(OPEN.formatted(50, 2000));
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.connection.frames.contains("2"));
		transport.onText("3");
		int answered = this.connection.frames.size();
		// Pinging goes on after the pong; the next ping left unanswered closes the session.
		await().atMost(Duration.ofSeconds(5)).until(() -> this.connection.frames.size() > answered);
		assertThat(this.connection.frames).containsOnly("2");
		assertThat(this.listener.events.poll(10, TimeUnit.SECONDS)).isEqualTo("close PING_TIMEOUT");
	}

	@Test
	void holdsItsPingsWhileAnUpgradeWaitsForPollingToPause() throws Exception {
		Upgrading upgrading = upgrading(EngineProtocol.V3, 300, 1000);
		RecordingConnection webSocket = upgrading.webSocket();
		upgrading.probe().onText("3probe");
		// A ping interval and timeout pass while polling pauses: no ping waits, nothing expires.
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(this.listener.events::isEmpty);
		upgrading.pause().complete(null);
		await().atMost(Duration.ofSeconds(5)).until(() -> webSocket.frames.contains("5"));
		assertThat(webSocket.frames).containsSubsequence("2probe", "5");
		assertThat(webSocket.frames.subList(0, webSocket.frames.indexOf("5"))).doesNotContain("2");
		// Pinging goes on over the WebSocket.
		await().atMost(Duration.ofSeconds(5)).until(() -> webSocket.frames.contains("2"));
	}

	@Test
	void closesWithParseErrorWhenTheFirstPacketIsNoHandshake() throws Exception {
		TransportListener transport = open();
		transport.onText("4hello");
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("close PARSE_ERROR");
		assertThat(this.connection.closed).isTrue();
	}

	@Test
	void closesWithParseErrorOnAnUnknownPacketType() throws Exception {
		TransportListener transport = open();
		transport.onText(OPEN.formatted(25000, 20000));
		transport.onText("9");
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("close PARSE_ERROR");
	}

	@Test
	void sendsNothingToADeadConnectionOnceThePingDeadlinePassed() throws Exception {
		CountDownLatch timerBlocked = new CountDownLatch(1);
		this.scheduler.execute(() -> {
			try {
				timerBlocked.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		TransportListener transport = open();
		transport.onText(OPEN.formatted(1, 1));
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		// The timer thread is held, so only the deadline check on send can notice the missing ping.
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		CompletableFuture<Boolean> sent = new CompletableFuture<>();
		onSerial(() -> sent.complete(this.session.send("2[\"late\"]", List.of())));
		assertThat(sent.get()).isFalse();
		assertThat(this.connection.frames).isEmpty();
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("close PING_TIMEOUT");
		timerBlocked.countDown();
	}

	@Test
	void closesWithPingTimeoutWhenNoPingArrives() throws Exception {
		TransportListener transport = open();
		transport.onText(OPEN.formatted(50, 50));
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("close PING_TIMEOUT");
	}

	@Test
	void pingsOverPollingSoThatAHeldPollIsAnsweredBeforeTheUpgrade() throws Exception {
		// An Engine.IO 3 server that already answered the probe's noop holds the next poll until it
		// has something to send: only the pong to a ping lets polling pause.
		Upgrading upgrading = upgrading(EngineProtocol.V3, 25000, 20000);
		assertThat(upgrading.polling().frames).isEmpty();
		upgrading.probe().onText("3probe");
		await().atMost(Duration.ofSeconds(5)).until(() -> upgrading.polling().frames.contains("2"));
		assertThat(upgrading.webSocket().frames).doesNotContain("5");
		upgrading.transport().onText("3");
		upgrading.pause().complete(null);
		await().atMost(Duration.ofSeconds(5)).until(() -> upgrading.webSocket().frames.contains("5"));
		assertThat(upgrading.polling().frames).containsExactly("2");
		assertThat(this.listener.events).isEmpty();
	}

	@Test
	void leavesAPausingPollToAServerThatPings() throws Exception {
		Upgrading upgrading = upgrading(EngineProtocol.V4, 25000, 20000);
		upgrading.probe().onText("3probe");
		upgrading.pause().complete(null);
		await().atMost(Duration.ofSeconds(5)).until(() -> upgrading.webSocket().frames.contains("5"));
		assertThat(upgrading.polling().frames).isEmpty();
	}

	/**
	 * A session on long-polling whose upgrade probe was sent; polling pauses once {@code pause} completes.
	 */
	private Upgrading upgrading(EngineProtocol protocol, int pingInterval, int pingTimeout) throws Exception {
		EngineSession session = new EngineSession(this.serial, this.scheduler, JsonMapper.builder().build(), protocol,
				this.listener);
		RecordingConnection polling = new RecordingConnection(Transport.POLLING);
		CompletableFuture<Void> pause = new CompletableFuture<>();
		polling.paused = pause;
		RecordingConnection webSocket = new RecordingConnection(Transport.WEBSOCKET);
		CompletableFuture<TransportListener> probe = new CompletableFuture<>();
		session.enableUpgrade((request, listener) -> {
			probe.complete(listener);
			return CompletableFuture.completedFuture(webSocket);
		}, (sid) -> REQUEST);
		CompletableFuture<TransportListener> transportListener = new CompletableFuture<>();
		session.open((request, listener) -> {
			transportListener.complete(listener);
			return CompletableFuture.completedFuture(polling);
		}, REQUEST);
		TransportListener transport = transportListener.join();
		transport.onText(
				OPEN.formatted(pingInterval, pingTimeout).replace("\"upgrades\":[]", "\"upgrades\":[\"websocket\"]"));
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		await().atMost(Duration.ofSeconds(5)).until(() -> webSocket.frames.contains("2probe"));
		return new Upgrading(transport, polling, pause, webSocket, probe.get(5, TimeUnit.SECONDS));
	}

	private record Upgrading(TransportListener transport, RecordingConnection polling, CompletableFuture<Void> pause,
			RecordingConnection webSocket, TransportListener probe) {

	}

	@Test
	void probesTheUpgradeOnlyOnceThePollingConnectionIsOpen() throws Exception {
		RecordingConnection polling = new RecordingConnection(Transport.POLLING);
		RecordingConnection webSocket = new RecordingConnection(Transport.WEBSOCKET);
		CompletableFuture<TransportListener> probe = new CompletableFuture<>();
		this.session.enableUpgrade((request, listener) -> {
			probe.complete(listener);
			return CompletableFuture.completedFuture(webSocket);
		}, (sid) -> REQUEST);
		CompletableFuture<TransportConnection> pollingOpened = new CompletableFuture<>();
		TransportListener transport = open(pollingOpened);
		// Long-polling delivers the handshake before its open completes.
		transport.onText(OPEN.formatted(25000, 20000).replace("\"upgrades\":[]", "\"upgrades\":[\"websocket\"]"));
		assertThat(this.listener.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open s");
		onSerial(() -> {
		});
		assertThat(probe).isNotDone();
		pollingOpened.complete(polling);
		probe.get(5, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(5)).until(() -> webSocket.frames.contains("2probe"));
		probe.join().onText("3probe");
		await().atMost(Duration.ofSeconds(5)).until(() -> webSocket.frames.contains("5"));
		assertThat(this.session.transport()).isEqualTo(Transport.WEBSOCKET);
		assertThat(polling.closed).isTrue();
	}

	private static final class RecordingListener implements EngineListener {

		final BlockingQueue<String> events = new LinkedBlockingQueue<>();

		@Override
		public void onOpen(Handshake handshake) {
			this.events.add("open " + handshake.sid());
		}

		@Override
		public void onMessage(String text) {
			this.events.add("message " + text);
		}

		@Override
		public void onMessage(byte[] bytes) {
			this.events.add("binary " + bytes.length);
		}

		@Override
		public void onClose(CloseReason reason, String description, Throwable cause) {
			this.events.add("close " + reason);
		}

	}

	private static final class RecordingConnection implements TransportConnection {

		final List<String> frames = new CopyOnWriteArrayList<>();

		final List<String> handshakes = new CopyOnWriteArrayList<>();

		private final Transport kind;

		volatile boolean closed;

		RecordingConnection(Transport kind) {
			this.kind = kind;
		}

		@Override
		public Transport kind() {
			return this.kind;
		}

		/** Completes once polling has paused for an upgrade. */
		volatile CompletableFuture<Void> paused = CompletableFuture.completedFuture(null);

		@Override
		public CompletableFuture<Void> pause() {
			return this.paused;
		}

		@Override
		public void handshaken(Handshake handshake) {
			this.handshakes.add(handshake.sid());
		}

		@Override
		public void send(String text) {
			this.frames.add(text);
		}

		@Override
		public void send(byte[] bytes) {
			this.frames.add("binary");
		}

		@Override
		public void close() {
			this.closed = true;
		}

		@Override
		public CompletableFuture<Void> terminated() {
			return CompletableFuture.completedFuture(null);
		}

	}

}
