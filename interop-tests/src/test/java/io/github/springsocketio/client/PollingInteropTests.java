package io.github.springsocketio.client;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * HTTP long-polling, upgrade and connection options against the reference Node server in the
 * configurations they need (conformance scenarios 1, 4, 5, 6, 8, 9, 10, 17, 21, 22).
 */
class PollingInteropTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@RegisterExtension
	static final SocketIoServerExtension sticky = SocketIoServerExtension.nodeReference().withEnv("STICKY", "1");

	@RegisterExtension
	static final SocketIoServerExtension pollingOnly = SocketIoServerExtension.nodeReference()
		.withEnv("TRANSPORTS", "polling");

	@RegisterExtension
	static final SocketIoServerExtension smallPayloads = SocketIoServerExtension.nodeReference()
		.withEnv("MAX_PAYLOAD", "10000");

	@RegisterExtension
	static final SocketIoServerExtension proxy = SocketIoServerExtension.httpProxy();

	@RegisterExtension
	final TestClients clients = new TestClients();

	@Test
	void handshakesOverPollingWithoutSessionId() throws Exception {
		SocketIoClient client = this.clients.create(server.url(), TransportMode.POLLING);
		CompletableFuture<JsonNode> welcome = new CompletableFuture<>();
		client.on("welcome", (args, ack) -> welcome.complete(args.json(0)));
		client.connect();
		JsonNode query = welcome.get(TIMEOUT, TimeUnit.SECONDS).get("query");
		assertThat(query.get("EIO").stringValue()).isEqualTo("4");
		assertThat(query.get("transport").stringValue()).isEqualTo("polling");
		assertThat(query.get("t").stringValue()).isNotEmpty();
		assertThat(query.has("sid")).isFalse();
		assertThat(client.transport()).isEqualTo(Transport.POLLING);
	}

	@ParameterizedTest
	@EnumSource(TransportMode.class)
	void acceptsThePathWithOrWithoutSlashes(TransportMode mode) {
		for (String path : List.of("/socket.io/", "socket.io", "/socket.io")) {
			SocketIoClient client = this.clients.create(server.url(), mode,
					(builder) -> builder.path(path).query("EIO", "3").query("transport", "nonsense"));
			client.connect();
			assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
			client.close();
		}
	}

	@ParameterizedTest
	@EnumSource(TransportMode.class)
	void sendsHeadersAndTheStickySessionCookieWithEveryRequest(TransportMode mode) throws Exception {
		CookieStore cookies = new CookieManager().getCookieStore();
		SocketIoClient client = this.clients.create(sticky.url(), mode,
				(builder) -> builder.header("X-Api-Key", "key-1").cookieStore(cookies));
		client.connect();
		for (int i = 0; i < 5; i++) {
			assertThat(client.call("add", Integer.class, i, 1)).isEqualTo(i + 1);
		}
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(client::transport, (transport) -> transport == mode.settledTransport());
		assertThat(client.isConnected()).isTrue();
		if (mode.transports()[0] == Transport.POLLING) {
			assertThat(cookies.get(URI.create(sticky.url() + "/socket.io/"))).extracting(HttpCookie::getName).contains("io");
		}
	}

	@Test
	void failsOnPollingWhenTheStickySessionCookieIsNotKept() {
		CookieStore forgetful = new CookieManager().getCookieStore();
		SocketIoClient client = this.clients.create(sticky.url(), TransportMode.POLLING,
				(builder) -> builder.header("X-Api-Key", "key-1").cookieStore(new ForgetfulCookieStore(forgetful)));
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("missing sticky cookie");
	}

	@ParameterizedTest
	@EnumSource(value = TransportMode.class, names = { "POLLING", "UPGRADE" })
	void reportsWhatTheServerSaidWhenItRefusesTheHandshake(TransportMode mode) {
		SocketIoClient client = this.clients.create(server.url(), mode, (builder) -> builder.query("reject", "1"));
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("HTTP 403")
			.withMessageContaining("refused by allowRequest");
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
	}

	@Test
	void fallsBackToPollingWhenWebSocketCannotBeOpened() {
		SocketIoClient client = this.clients.create(pollingOnly.url(), TransportMode.WEBSOCKET,
				(builder) -> builder.transports(Transport.WEBSOCKET, Transport.POLLING));
		client.connect();
		assertThat(client.transport()).isEqualTo(Transport.POLLING);
		assertThat(client.call("add", Integer.class, 2, 3)).isEqualTo(5);
	}

	@Test
	void batchesEmitsAndSplitsThemToRespectTheServersMaxPayload() throws Exception {
		SocketIoClient client = this.clients.create(smallPayloads.url(), TransportMode.POLLING);
		client.connect();
		String chunk = "x".repeat(3000);
		for (int i = 0; i < 40; i++) {
			client.emit("seq", "chunks", i, chunk);
		}
		EventInteropTests.Stats stats = client.emitWithAck("stats").get(TIMEOUT, TimeUnit.SECONDS)
			.get(0, EventInteropTests.Stats.class);
		assertThat(stats.sequences().get("chunks")).containsEntry("count", 40).containsEntry("ordered", true);
		assertThat(client.isConnected()).isTrue();
		Map<?, ?> raw = client.call("stats", Map.class);
		assertThat((Integer) raw.get("posts")).isBetween(12, 30);
	}

	@Test
	void pollsThroughAnHttpProxy() {
		SocketIoClient client = this.clients.create(server.url(), TransportMode.POLLING,
				(builder) -> builder.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))));
		client.connect();
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
		await().atMost(Duration.ofSeconds(TIMEOUT))
			.untilAsserted(() -> assertThat(proxy.output()).contains("proxied GET /socket.io/", "proxied POST /socket.io/"));
	}

	@Test
	void staysOnPollingWhenUpgradeIsOff() throws Exception {
		SocketIoClient client = this.clients.create(server.url(), TransportMode.UPGRADE, (builder) -> builder.upgrade(false));
		client.connect();
		for (int i = 0; i < 3; i++) {
			assertThat(client.call("stats", Map.class)).containsEntry("transport", "polling");
		}
		assertThat(client.transport()).isEqualTo(Transport.POLLING);
	}

	@Test
	void upgradesUnderLoadWithoutLosingDuplicatingOrReorderingPackets() throws Exception {
		SocketIoClient client = this.clients.create(server.url(), TransportMode.UPGRADE);
		List<Integer> received = java.util.Collections.synchronizedList(new ArrayList<>());
		CountDownLatch all = new CountDownLatch(2000);
		client.on("many", (args, ack) -> {
			received.add(args.get(0, Integer.class));
			all.countDown();
		});
		client.connect();
		client.emit("emit-many", 2000);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> senders = new ArrayList<>();
			for (String thread : List.of("a", "b")) {
				senders.add(executor.submit(() -> {
					for (int n = 0; n < 1000; n++) {
						client.emit("seq", thread, n);
					}
				}));
			}
			for (Future<?> sender : senders) {
				sender.get(TIMEOUT, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(all.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(client::transport, (transport) -> transport == Transport.WEBSOCKET);
		EventInteropTests.Stats stats = client.emitWithAck("stats").get(TIMEOUT, TimeUnit.SECONDS)
			.get(0, EventInteropTests.Stats.class);
		for (String thread : List.of("a", "b")) {
			assertThat(stats.sequences().get(thread)).containsEntry("count", 1000).containsEntry("ordered", true);
		}
		List<Integer> expected = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			expected.add(i);
		}
		assertThat(received).isEqualTo(expected);
	}

	/**
	 * Takes no cookie, as a client without a cookie jar.
	 */
	private record ForgetfulCookieStore(CookieStore delegate) implements CookieStore {

		@Override
		public void add(URI uri, HttpCookie cookie) {
		}

		@Override
		public List<HttpCookie> get(URI uri) {
			return this.delegate.get(uri);
		}

		@Override
		public List<HttpCookie> getCookies() {
			return this.delegate.getCookies();
		}

		@Override
		public List<URI> getURIs() {
			return this.delegate.getURIs();
		}

		@Override
		public boolean remove(URI uri, HttpCookie cookie) {
			return false;
		}

		@Override
		public boolean removeAll() {
			return false;
		}

	}

}
