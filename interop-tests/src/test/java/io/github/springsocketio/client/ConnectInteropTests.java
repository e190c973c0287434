package io.github.springsocketio.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connecting, events and acks on the default namespace, against every reference server and
 * transport (conformance scenarios 2, 26, 35, 37, 38).
 */
class ConnectInteropTests extends InteropMatrix {

	@RegisterExtension
	static final SocketIoServerExtension node = ServerKind.NODE.extension();

	@RegisterExtension
	static final SocketIoServerExtension python = ServerKind.PYTHON.extension()
		.withEnv("PING_INTERVAL", InteropMatrix.PYTHON_PING_INTERVAL);

	@RegisterExtension
	static final JvmReferenceServer jvm = new JvmReferenceServer();

	@Override
	SocketIoServerExtension node() {
		return node;
	}

	@Override
	SocketIoServerExtension python() {
		return python;
	}

	@Override
	JvmReferenceServer jvm() {
		return jvm;
	}

	@Test
	void connectsAndDisconnectsOnTheDefaultNamespace() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode,
				(builder) -> builder.query("v", "1").header("X-Api-Key", "key-1"));
		CompletableFuture<JsonNode> welcome = new CompletableFuture<>();
		client.on("welcome", (args, ack) -> welcome.complete(args.json(0)));
		CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
		client.socket("/").onDisconnect(disconnected::complete);
		client.connect();
		assertThat(client.isConnected()).isTrue();
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
		JsonNode info = welcome.get(TIMEOUT, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(client::transport, (transport) -> transport == this.mode.settledTransport());
		assertThat(client.socket("/").id()).isEqualTo(info.get("id").stringValue())
			.isNotEqualTo(info.get("engineId").stringValue());
		assertThat(info.get("transport").stringValue()).isEqualTo(this.mode.transports()[0].wireName());
		assertThat(info.get("query").get("v").stringValue()).isEqualTo("1");
		assertThat(info.get("headers").get("x-api-key").stringValue()).isEqualTo("key-1");
		client.disconnect();
		assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_CLIENT_DISCONNECT);
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThat(client.socket("/").id()).isNull();
		assertThat(client.await(Duration.ofSeconds(1))).isTrue();
	}

	@Test
	void echoesNestedJsonAndAcks() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		BlockingQueue<Arguments> echoes = new LinkedBlockingQueue<>();
		client.on("echo", (args, ack) -> echoes.add(args));
		client.connect();
		Map<String, Object> nested = Map.of("name", "ünïcødé 😀", "list", List.of(1, 2.5, true), "inner", Map.of("x", List.of()));
		client.emit("echo", nested, null, 42, "text");
		Arguments echoed = echoes.poll(TIMEOUT, TimeUnit.SECONDS);
		assertThat(echoed.toList()).containsExactly(nested, null, 42, "text");
		Arguments acked = client.emitWithAck("echo", "a", 1).get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(acked.toList()).containsExactly("a", 1);
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
		Arguments several = client.emitWithAck("ack-several").get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(several.size()).isEqualTo(5);
		assertThat(several.get(0, String.class)).isEqualTo("a");
		assertThat(several.get(2, Map.class)).isEqualTo(Map.of("b", true));
		assertThat(several.get(3, String.class)).isNull();
	}

	@Test
	void answersAnAckRequestedByTheServerExactlyOnce() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		CompletableFuture<Arguments> reply = new CompletableFuture<>();
		client.on("server-request-reply", (args, ack) -> reply.complete(args));
		client.on("server-request", (args, ack) -> {
			assertThat(ack.requested()).isTrue();
			ack.send("reply", args.get(0, String.class));
			ack.send("second");
		});
		client.connect();
		client.emit("request-ack", "payload");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).toList()).containsExactly("reply", "payload");
		if (this.server == ServerKind.NODE) {
			Map<?, ?> stats = client.call("stats", Map.class);
			assertThat(stats.get("acksReceived")).isEqualTo(1);
		}
	}

	@Test
	void receivesEventsEmittedInTheServersConnectionHandler() throws Exception {
		for (int i = 0; i < 5; i++) {
			SocketIoClient client = this.clients.create(url(), this.mode);
			CountDownLatch welcome = new CountDownLatch(1);
			client.on("welcome", (args, ack) -> welcome.countDown());
			client.connect();
			assertThat(welcome.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
		}
	}

}
