package io.github.springsocketio.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * What a connection leaves behind: the handshake the server saw, the client's logs, and threads.
 */
class ResourceAndLoggingInteropTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@RegisterExtension
	static final SocketIoServerExtension legacy = SocketIoServerExtension.nodeGeneration(2);

	@RegisterExtension
	final TestClients clients = new TestClients();

	@Test
	void opensAWebSocketOnlySessionWithTheConfiguredQueryAndHeaders() throws Exception {
		SocketIoClient client = this.clients.create(server.url() + "?from=url",
				(builder) -> builder.query("v", "1").query("EIO", "3").header("X-Api-Key", "key-1"));
		CompletableFuture<JsonNode> welcome = new CompletableFuture<>();
		client.on("welcome", (args, ack) -> welcome.complete(args.json(0)));
		client.connect();
		JsonNode handshake = welcome.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(handshake.get("transport").stringValue()).isEqualTo("websocket");
		JsonNode query = handshake.get("query");
		assertThat(query.get("EIO").stringValue()).isEqualTo("4");
		assertThat(query.get("transport").stringValue()).isEqualTo("websocket");
		assertThat(query.has("sid")).isFalse();
		assertThat(query.get("v").stringValue()).isEqualTo("1");
		assertThat(query.get("from").stringValue()).isEqualTo("url");
		assertThat(handshake.get("headers").get("x-api-key").stringValue()).isEqualTo("key-1");
	}

	@Test
	void refusesAHeaderTheJdkWebSocketCannotSendWithAClearError() {
		SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET_JDK,
				(builder) -> builder.header("Connection", "close"));
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("Connection")
			.withMessageContaining("SPRING");
		assertThat(client.state()).isNotEqualTo(ConnectionState.CONNECTED);
	}

	@ParameterizedTest(name = "protocol 4: {0}, {1}")
	@CsvSource({ "false, WEBSOCKET", "false, WEBSOCKET_JDK", "false, POLLING", "false, UPGRADE_JDK", "true, WEBSOCKET",
			"true, POLLING" })
	void neverLogsSecretsEvenAtTraceLevel(boolean protocol4, TransportMode mode) throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger("io.github.springsocketio");
		Level level = logger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.TRACE);
		try {
			// Protocol 4 (a Socket.IO 2.x server) carries the auth in the handshake's and CONNECT's queries.
			SocketIoClient client = this.clients.create((protocol4 ? legacy : server).url() + "?access_token=url-secret",
					mode, (builder) -> builder.namespaces("/", "/auth")
						.auth(Map.of("token", "secret-token", "user", "user-secret"))
						.header("Authorization", "Bearer header-secret")
						.header("Cookie", "session=cookie-secret")
						.query("token", "query-secret")
						.query("hideHandshake", "1"));
			client.connect();
			client.emit("echo", "visible");
			assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
			client.disconnect();
			SocketIoClient failing = this.clients.create("http://127.0.0.1:1?token=unreachable-secret");
			failing.connectAsync().exceptionally((ex) -> null).get(TIMEOUT, TimeUnit.SECONDS);
		}
		finally {
			logger.detachAppender(appender);
			logger.setLevel(level);
		}
		List<String> lines = appender.list.stream()
			.map((event) -> event.getFormattedMessage()
					+ ((event.getThrowableProxy() != null) ? ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""))
			.toList();
		assertThat(lines).anyMatch((line) -> line.contains("visible"));
		assertThat(lines).anyMatch((line) -> line.contains(protocol4 ? "40/auth?******," : "40/auth,{******}"));
		for (String secret : Arrays.asList("secret-token", "user-secret", "header-secret", "cookie-secret",
				"query-secret", "url-secret", "unreachable-secret")) {
			assertThat(lines).noneMatch((line) -> line.contains(secret));
		}
	}

	@ParameterizedTest
	@EnumSource(TransportMode.class)
	void putsNoSecretInTheExceptionsOfAFailedConnectOrTheirCauses(TransportMode mode) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		SocketIoClient client = this.clients.create(
				"http://user:userinfo-secret@127.0.0.1:" + closedPort + "?access_token=url-secret", mode,
				(builder) -> builder.auth(Map.of("token", "auth-secret"))
					.header("Authorization", "Bearer header-secret")
					.query("token", "query-secret"));
		Throwable failure = catchThrowable(client::connect);
		assertThat(failure).isInstanceOf(SocketIoConnectException.class);
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		assertThat(trace.toString()).contains("127.0.0.1:" + closedPort)
			.doesNotContain("userinfo-secret", "url-secret", "auth-secret", "header-secret", "query-secret");
		assertThat(client.toString()).doesNotContain("userinfo-secret", "url-secret", "query-secret");
	}

	@Test
	void putsNoSecretInTheMessageOfAUrlTheBuilderRefuses() {
		for (String url : List.of("ftp://user:userinfo-secret@host/?token=url-secret",
				"http://user:userinfo-secret@host/some/path?token=url-secret",
				"http://user:userinfo-secret@host/?token=url-secret&bad=%zz ^")) {
			assertThatIllegalArgumentException().isThrownBy(() -> SocketIoClient.builder(url))
				.withMessageStartingWith("Invalid Socket.IO URL")
				.withMessageNotContaining("userinfo-secret")
				.withMessageNotContaining("url-secret")
				.withNoCause();
		}
	}

	@Test
	void reportsTheBufferedEmitsThatCloseCannotSend() throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger("io.github.springsocketio.client.namespace");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:1").build();
			client.emit("first");
			client.emit("second");
			CompletableFuture<Arguments> reply = client.emitWithAck("third");
			assertThat(client.socket("/").bufferedEmits()).isEqualTo(3);
			client.close();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(TIMEOUT, TimeUnit.SECONDS))
				.withCauseInstanceOf(NotConnectedException.class);
		}
		finally {
			logger.detachAppender(appender);
		}
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.contains("3 emit(s) buffered in namespace '/' were not sent: the client was closed before it connected");
	}

	@Test
	void closingFromManyThreadsAtOnceReleasesTheSharedThreadsOnce() throws Exception {
		SocketIoClient bystander = this.clients.create(server.url(), TransportMode.WEBSOCKET_JDK);
		bystander.connect();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			closeFromManyThreads(threads);
		}
		finally {
			threads.shutdownNow();
		}
		// Releasing the shared threads once too often would have stopped the bystander's.
		assertThat(bystander.call("add", Integer.class, 1, 2)).isEqualTo(3);
	}

	private void closeFromManyThreads(ExecutorService threads) throws Exception {
		for (int round = 0; round < 5; round++) {
			SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET_JDK);
			client.connect();
			CyclicBarrier start = new CyclicBarrier(8);
			List<CompletableFuture<Void>> closes = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				closes.add(CompletableFuture.runAsync(() -> {
					awaitQuietly(start);
					client.close();
				}, threads));
			}
			CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(TIMEOUT, TimeUnit.SECONDS);
			assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
		}
	}

	private static void awaitQuietly(CyclicBarrier barrier) {
		try {
			barrier.await(TIMEOUT, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void closeLeavesNoThreadOfOursRunning() throws Exception {
		long before = liveThreadsOutsideJdkPools();
		for (TransportMode mode : TransportMode.values()) {
			connectCallAndClose(mode);
		}
		// Java 21+ shuts the HTTP clients down. Java 17 has no way to: there an HTTP client's selector
		// thread ends only once the JDK collects the client, which is the JDK's to decide.
		boolean httpClientsStop = Runtime.version().feature() >= 21;
		await().pollInSameThread().atMost(Duration.ofSeconds(TIMEOUT)).untilAsserted(() -> {
			System.gc();
			assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.getName().startsWith("socketio-") && !thread.getName().startsWith("socketio-test")
						|| thread.getName().startsWith("WebSocketClient-")
						|| httpClientsStop && thread.getName().startsWith("HttpClient-"));
			assertThat(liveThreadsOutsideJdkPools())
				.as(() -> "live threads: " + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList())
				.isLessThanOrEqualTo(before);
		});
	}

	/**
	 * Uses a client on one transport setting and closes it; a method of its own, so that no local
	 * variable of the test keeps the client reachable.
	 */
	private static void connectCallAndClose(TransportMode mode) throws Exception {
		int i = mode.ordinal();
		SocketIoClient client = SocketIoClient.builder(server.url()).transports(mode.transports()).build();
		client.connect();
		assertThat(client.call("add", Integer.class, i, 1)).isEqualTo(i + 1);
		client.startBackgroundTask(() -> client.emit("count")).get(TIMEOUT, TimeUnit.SECONDS);
		client.close();
	}

	/**
	 * The live threads, without the JVM-wide pools that the JDK starts on first use and keeps
	 * (the common pool, and on Java 21+ the virtual threads' scheduler) and without the HTTP
	 * clients' selector threads, which the test checks by name where the JDK can stop them.
	 */
	private static long liveThreadsOutsideJdkPools() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !thread.getName().startsWith("ForkJoinPool") && !thread.getName().startsWith("VirtualThread-")
					&& !thread.getName().startsWith("HttpClient-"))
			.count();
	}

}
