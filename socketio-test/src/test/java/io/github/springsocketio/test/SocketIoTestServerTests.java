/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.springsocketio.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.Reconnection;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The in-JVM server against the project's client on each transport; its protocol conformance
 * against the JavaScript reference client and the interop matrix are in the interop tests.
 */
class SocketIoTestServerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<AutoCloseable> resources = new ArrayList<>();

	enum Mode {

		WEBSOCKET(Transport.WEBSOCKET), POLLING(Transport.POLLING), UPGRADE(Transport.POLLING, Transport.WEBSOCKET);

		final Transport[] transports;

		Mode(Transport... transports) {
			this.transports = transports;
		}

		String settledTransport() {
			return (this == POLLING) ? "polling" : "websocket";
		}

	}

	@AfterEach
	void closeResources() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	private SocketIoTestServer server(SocketIoTestServer server) {
		this.resources.add(server);
		return server;
	}

	private SocketIoClient client(SocketIoTestServer server, Mode mode, Reconnection reconnection,
			String... namespaces) {
		SocketIoClient client = SocketIoClient.builder(server.url())
			.transports(mode.transports)
			.reconnection(reconnection)
			.namespaces(namespaces.length == 0 ? new String[] { "/" } : namespaces)
			.connectTimeout(TIMEOUT)
			.build();
		this.resources.add(0, client);
		return client;
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void connectsAndCarriesEventsAndAcksBothWays(Mode mode) throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		server.on("add", (args, ack) -> ack.send(args.get(0, Integer.class) + args.get(1, Integer.class)));
		SocketIoClient client = client(server, mode, Reconnection.disabled());
		CompletableFuture<Arguments> greeting = new CompletableFuture<>();
		client.on("greeting", (args, ack) -> {
			greeting.complete(args);
			ack.send("thanks", args.get(0, String.class));
		});
		client.connect();

		assertThat(client.call("add", Integer.class, 2, 3)).isEqualTo(5);
		client.emit("hello", "world", Map.of("n", 1));
		assertThat(server.awaitEvent("hello", TIMEOUT).toList()).containsExactly("world", Map.of("n", 1));
		Arguments reply = server.emitWithAck("greeting", "hi").get(10, TimeUnit.SECONDS);
		assertThat(reply.toList()).containsExactly("thanks", "hi");
		assertThat(greeting.get(10, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("hi");

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(server.connectedClients()).singleElement()
			.satisfies((connected) -> assertThat(connected.transport()).isEqualTo(mode.settledTransport())));
		assertThat(server.connectedClients().get(0).id()).isEqualTo(client.socket("/").id());
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void carriesBinaryBothWays(Mode mode) throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		server.on("echo", (args, ack) -> ack.send(args.toList().toArray()));
		SocketIoClient client = client(server, mode, Reconnection.disabled());
		CompletableFuture<Arguments> fromServer = new CompletableFuture<>();
		client.on("file", (args, ack) -> fromServer.complete(args));
		client.connect();

		Arguments echoed = client.emitWithAck("echo", new byte[] { 1, 2, 3 }, Map.of("nested", new byte[] { 4 }))
			.get(10, TimeUnit.SECONDS);
		assertThat(echoed.bytes(0)).containsExactly(1, 2, 3);
		assertThat(echoed.json(1).get("nested").binaryValue()).containsExactly(4);
		server.emit("file", new byte[] { 9, 8 }, "name");
		assertThat(fromServer.get(10, TimeUnit.SECONDS).bytes(0)).containsExactly(9, 8);
	}

	@Test
	void readsTheAuthAndRefusesWithMessageAndData() {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		server.namespace("/admin").onConnectRequest((request) -> {
			if (!"secret".equals(request.auth().get("token"))) {
				request.refuse("invalid token", Map.of("code", 401));
			}
		});
		SocketIoClient refused = SocketIoClient.builder(server.url())
			.namespaces("/admin")
			.auth(Map.of("token", "wrong"))
			.reconnection(Reconnection.disabled())
			.build();
		this.resources.add(0, refused);
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(refused::connect)
			.satisfies((ex) -> {
				assertThat(ex.serverMessage()).isEqualTo("invalid token");
				assertThat(ex.data().get("code").asInt()).isEqualTo(401);
			});

		SocketIoClient accepted = SocketIoClient.builder(server.url())
			.namespaces("/admin")
			.auth(Map.of("token", "secret"))
			.reconnection(Reconnection.disabled())
			.build();
		this.resources.add(0, accepted);
		accepted.connect();
		assertThat(server.namespace("/admin").connectedClients()).singleElement()
			.satisfies((client) -> assertThat(client.auth()).containsEntry("token", "secret"));
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void disconnectsClientsThatDoNotReconnect(Mode mode) throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		SocketIoClient client = client(server, mode, Reconnection.defaults(), "/", "/chat");
		CompletableFuture<DisconnectReason> reason = new CompletableFuture<>();
		client.socket("/chat").onDisconnect(reason::complete);
		client.connect();
		await().atMost(TIMEOUT).until(() -> server.connectedClients().size() == 2);

		server.namespace("/chat").disconnectAll();
		assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_SERVER_DISCONNECT);
		await().atMost(TIMEOUT).until(() -> server.namespace("/chat").connectedClients().isEmpty());
		assertThat(client.socket("/").isConnected()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void restartsOnTheSamePortAndTheClientReconnects(Mode mode) throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		int port = server.port();
		SocketIoClient client = client(server, mode,
				Reconnection.exponential(Duration.ofMillis(100), Duration.ofMillis(500)));
		CompletableFuture<DisconnectReason> reason = new CompletableFuture<>();
		client.socket("/").onDisconnect(reason::complete);
		client.connect();

		server.stop();
		assertThat(server.isRunning()).isFalse();
		assertThat(server.connectedClients()).isEmpty();
		assertThat(reason.get(10, TimeUnit.SECONDS).name()).isIn("TRANSPORT_CLOSE", "TRANSPORT_ERROR");
		server.restart();
		assertThat(server.port()).isEqualTo(port);
		await().atMost(TIMEOUT).until(() -> client.isConnected() && server.connectedClients().size() == 1);
		client.emit("back");
		server.awaitEvent("back", TIMEOUT);
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void keepsAClientThatAnswersItsPings(Mode mode) throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.builder()
			.pingInterval(Duration.ofMillis(100))
			.pingTimeout(Duration.ofMillis(500))
			.start());
		server.on("add", (args, ack) -> ack.send(args.get(0, Integer.class) + args.get(1, Integer.class)));
		SocketIoClient client = client(server, mode, Reconnection.disabled());
		List<DisconnectReason> reasons = new java.util.concurrent.CopyOnWriteArrayList<>();
		client.socket("/").onDisconnect(reasons::add);
		client.connect();
		String id = client.socket("/").id();
		// Ten ping intervals, each ping answered well within the timeout.
		await().during(Duration.ofSeconds(1)).atMost(TIMEOUT).until(() -> client.isConnected() && reasons.isEmpty());
		assertThat(client.call("add", Integer.class, 2, 1)).isEqualTo(3);
		assertThat(client.socket("/").id()).isEqualTo(id);
	}

	@Test
	void dropsAClientThatDoesNotAnswerItsPings() throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.builder()
			.pingInterval(Duration.ofMillis(100))
			.pingTimeout(Duration.ofMillis(200))
			.start());
		HttpClient http = HttpClient.newHttpClient();
		String poll = pollingSession(http, server);
		assertThat(get(http, poll)).isEqualTo("2");
		// Not answered: the next poll gets the close, and then the session is unknown.
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(http, poll)).contains("Session ID unknown"));
	}

	@Test
	void refusesRequestsItCannotServeAsEngineIoDoes() throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		HttpClient http = HttpClient.newHttpClient();
		assertThat(get(http, server.url() + "/socket.io/?EIO=3&transport=polling"))
			.isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
		assertThat(get(http, server.url() + "/socket.io/?EIO=4&transport=carrier-pigeon"))
			.isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
		assertThat(get(http, server.url() + "/socket.io/?EIO=4&transport=polling&sid=nope"))
			.isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
	}

	@Test
	void closesASessionThatSendsAMalformedPacket() throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		HttpClient http = HttpClient.newHttpClient();
		String session = pollingSession(http, server);
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(session))
			.POST(HttpRequest.BodyPublishers.ofString("40{not json"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(http, session)).contains("Session ID unknown"));
		assertThat(server.connectedClients()).isEmpty();
	}

	@Test
	void closesASessionWhosePostIsLargerThanItsLimit() throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.builder().maxPayload(1000).start());
		HttpClient http = HttpClient.newHttpClient();
		String session = pollingSession(http, server);
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(session))
			.POST(HttpRequest.BodyPublishers.ofString("42[\"big\",\"" + "x".repeat(2000) + "\"]"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(413);
		assertThat(get(http, session)).contains("Session ID unknown");
	}

	@Test
	void stopClosesTheWebSocketOfAnUpgradeInProgress() throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		HttpClient http = HttpClient.newHttpClient();
		String session = pollingSession(http, server);
		CompletableFuture<String> probeAnswer = new CompletableFuture<>();
		CompletableFuture<Integer> probeClosed = new CompletableFuture<>();
		java.net.http.WebSocket probe = http.newWebSocketBuilder()
			.buildAsync(URI.create(session.replace("http:", "ws:").replace("transport=polling", "transport=websocket")),
					new java.net.http.WebSocket.Listener() {
						@Override
						public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket,
								CharSequence data, boolean last) {
							probeAnswer.complete(data.toString());
							socket.request(1);
							return null;
						}

						@Override
						public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket socket, int code,
								String reason) {
							probeClosed.complete(code);
							return null;
						}

						@Override
						public void onError(java.net.http.WebSocket socket, Throwable error) {
							probeClosed.complete(-1);
						}
					})
			.get(10, TimeUnit.SECONDS);
		probe.sendText("2probe", true);
		assertThat(probeAnswer.get(10, TimeUnit.SECONDS)).isEqualTo("3probe");
		CompletableFuture<HttpResponse<String>> poll = http.sendAsync(
				HttpRequest.newBuilder(URI.create(session)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(poll.get(10, TimeUnit.SECONDS).body()).isEqualTo("6");

		server.stop();
		assertThat(probeClosed.get(10, TimeUnit.SECONDS)).isNotNull();
	}

	@Test
	void closesASessionThatPollsTwiceAtOnce() throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		HttpClient http = HttpClient.newHttpClient();
		String session = pollingSession(http, server);
		HttpRequest poll = HttpRequest.newBuilder(URI.create(session)).timeout(TIMEOUT).build();
		CompletableFuture<HttpResponse<String>> first = http.sendAsync(poll, HttpResponse.BodyHandlers.ofString());
		CompletableFuture<HttpResponse<String>> second = http.sendAsync(poll, HttpResponse.BodyHandlers.ofString());
		// Whichever came second is refused, and the one held gets the close packet.
		assertThat(List.of(first.get(10, TimeUnit.SECONDS).body(), second.get(10, TimeUnit.SECONDS).body()))
			.containsExactlyInAnyOrder("1", "{\"code\":3,\"message\":\"Bad request\"}");
		assertThat(get(http, session)).contains("Session ID unknown");
	}

	private static String pollingSession(HttpClient http, SocketIoTestServer server) throws Exception {
		String handshake = get(http, server.url() + "/socket.io/?EIO=4&transport=polling");
		String sid = handshake.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
		return server.url() + "/socket.io/?EIO=4&transport=polling&sid=" + sid;
	}

	@Test
	void failsAnAckTheClientCannotGive() throws Exception {
		SocketIoTestServer server = server(SocketIoTestServer.builder().ackTimeout(Duration.ofMillis(200)).start());
		assertThat(server.emitWithAck("anyone")).failsWithin(TIMEOUT)
			.withThrowableThat()
			.withMessageContaining("no client is connected to namespace /");
		SocketIoClient client = client(server, Mode.WEBSOCKET, Reconnection.disabled());
		client.connect();
		assertThat(server.emitWithAck("unanswered")).failsWithin(TIMEOUT)
			.withThrowableThat()
			.withCauseInstanceOf(java.util.concurrent.TimeoutException.class);
		CompletableFuture<Arguments> pending = server.connectedClients().get(0).emitWithAck("unanswered-too");
		client.close();
		assertThat(pending).failsWithin(TIMEOUT).withThrowableThat().withMessageContaining("before acknowledging");
	}

	@Test
	void namesTheEventsThatCameWhenTheAwaitedOneDoesNot() {
		SocketIoTestServer server = server(SocketIoTestServer.start());
		SocketIoClient client = client(server, Mode.WEBSOCKET, Reconnection.disabled());
		client.connect();
		client.emit("other", 1);
		server.awaitEvent("other", TIMEOUT);
		client.emit("other", 2);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> server.awaitEvent("expected", Duration.ofMillis(50)))
			.withMessageContaining("No event 'expected'")
			.withMessageContaining("other=2"));
	}

	@Test
	void refusesSettingsOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> SocketIoTestServer.builder().port(70000));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SocketIoTestServer.builder().pingInterval(Duration.ZERO).start());
		assertThatIllegalArgumentException().isThrownBy(() -> SocketIoTestServer.builder().maxPayload(0).start());
	}

	@Test
	void leavesNoThreadBehindOnceClosed() {
		int before = serverThreads();
		SocketIoTestServer server = SocketIoTestServer.start();
		SocketIoClient client = client(server, Mode.UPGRADE, Reconnection.disabled());
		client.connect();
		client.close();
		server.close();
		await().atMost(TIMEOUT).until(() -> serverThreads() <= before);
	}

	private static int serverThreads() {
		return (int) Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("socketio-test-server") || thread.getName().startsWith("http-nio")
					|| thread.getName().startsWith("Catalina"))
			.count();
	}

	private static String get(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
