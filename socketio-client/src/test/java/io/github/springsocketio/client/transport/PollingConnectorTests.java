package io.github.springsocketio.client.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.protocol.Handshake;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long-polling against a server that answers the handshake and then holds every request: closing
 * and giving up must not wait for it.
 */
class PollingConnectorTests {

	private static final String HANDSHAKE = "0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

	private final ExecutorService serverThreads = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger held = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.serverThreads);
		this.server.createContext("/socket.io/", (exchange) -> {
			boolean handshake = !exchange.getRequestURI().getQuery().contains("sid=");
			if (handshake) {
				answer(exchange, HANDSHAKE);
				return;
			}
			this.held.incrementAndGet();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.release.countDown();
		this.server.stop(0);
		this.serverThreads.shutdownNow();
	}

	private static void answer(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private TransportRequest request() {
		return new TransportRequest(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()
				+ "/socket.io/?EIO=4&transport=polling"), Map.of(), 1_000_000, EngineProtocol.V4);
	}

	@Test
	void closeIsBoundedWhenTheServerHoldsThePollAndNeverAnswersTheClosePacket() throws Exception {
		PollingConnector connector = new PollingConnector(this.http, new CookieManager().getCookieStore());
		TransportConnection connection = connector.open(request(), new IgnoringListener()).get(10, TimeUnit.SECONDS);
		connection.handshaken(handshake());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.held.get() >= 1);
		connection.close();
		// Without a bound the close packet's POST would wait for its 30 s request timeout.
		connection.terminated().get(10, TimeUnit.SECONDS);
		assertThat(this.held.get()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void pollsOnlyOnceTheSessionHandsItTheHandshake() throws Exception {
		PollingConnector connector = new PollingConnector(this.http, new CookieManager().getCookieStore());
		List<String> received = new CopyOnWriteArrayList<>();
		TransportConnection connection = connector.open(request(), new RecordingListener(received))
			.get(10, TimeUnit.SECONDS);
		// The connector hands the handshake over without reading it, and has no session id to poll with.
		assertThat(received).containsExactly(HANDSHAKE);
		assertThat(this.held.get()).isZero();
		connection.handshaken(handshake());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.held.get() == 1);
		connection.close();
	}

	@Test
	void pollsNoMoreWhileReadingIsPausedAndAgainOnceItResumes() throws Exception {
		PollingConnector connector = new PollingConnector(this.http, new CookieManager().getCookieStore());
		TransportConnection connection = connector.open(request(), new IgnoringListener()).get(10, TimeUnit.SECONDS);
		connection.pauseReading(true);
		connection.handshaken(handshake());
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> this.held.get() == 0);
		connection.pauseReading(false);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.held.get() == 1);
		connection.close();
	}

	@Test
	void queuesOnePongForAnyNumberOfPingsAndCountsWhatItQueues() throws Exception {
		PollingConnector connector = new PollingConnector(this.http, new CookieManager().getCookieStore());
		TransportConnection connection = connector.open(request(), new IgnoringListener()).get(10, TimeUnit.SECONDS);
		connection.pauseReading(true);
		connection.handshaken(handshake());
		connection.send("4first");
		// The server holds the first POST: what follows queues behind it.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.held.get() == 1);
		assertThat(connection.queuedBytes()).isZero();
		for (int i = 0; i < 1000; i++) {
			connection.send("3");
		}
		assertThat(connection.queuedBytes()).isEqualTo(1);
		connection.send("4hello");
		connection.send("3");
		assertThat(connection.queuedBytes()).isEqualTo(1 + 6 + 1);
		connection.close();
	}

	private static Handshake handshake() {
		return EngineProtocol.V4.parseHandshake(HANDSHAKE.substring(1), JsonMapper.builder().build());
	}

	private record RecordingListener(List<String> received) implements TransportListener {

		@Override
		public void onText(String text) {
			this.received.add(text);
		}

		@Override
		public void onBinary(byte[] bytes) {
		}

		@Override
		public void onClose(boolean error, String description, @Nullable Throwable cause) {
		}

	}

	private static final class IgnoringListener implements TransportListener {

		@Override
		public void onText(String text) {
		}

		@Override
		public void onBinary(byte[] bytes) {
		}

		@Override
		public void onClose(boolean error, String description, @Nullable Throwable cause) {
		}

	}

}
