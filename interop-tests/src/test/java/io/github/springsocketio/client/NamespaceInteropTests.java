package io.github.springsocketio.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Namespaces, auth and refusals against every reference server and transport (conformance
 * scenarios 26–31, 33).
 */
class NamespaceInteropTests extends InteropMatrix {

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
	void multiplexesTwoNamespacesOnOneConnection() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode, (builder) -> builder.namespaces("/", "/chat"));
		CompletableFuture<JsonNode> rootWelcome = new CompletableFuture<>();
		CompletableFuture<JsonNode> chatWelcome = new CompletableFuture<>();
		client.on("welcome", (args, ack) -> rootWelcome.complete(args.json(0)));
		SocketIoSocket chat = client.socket("/chat");
		chat.on("welcome", (args, ack) -> chatWelcome.complete(args.json(0)));
		client.connect();
		assertThat(client.socket("chat")).isSameAs(chat);
		assertThat(chat.isConnected()).isTrue();
		JsonNode root = rootWelcome.get(TIMEOUT, TimeUnit.SECONDS);
		JsonNode other = chatWelcome.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(other.get("namespace").stringValue()).isEqualTo("/chat");
		assertThat(other.get("engineId")).isEqualTo(root.get("engineId"));
		assertThat(chat.id()).isEqualTo(other.get("id").stringValue()).isNotEqualTo(client.socket("/").id());
		assertThat(chat.call("add", Integer.class, 2, 3)).isEqualTo(5);
		assertThat(client.call("add", Integer.class, 4, 5)).isEqualTo(9);
	}

	@Test
	void joinsANamespaceOnAnOpenConnection() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		SocketIoSocket chat = client.socket("/chat");
		CompletableFuture<Void> connected = new CompletableFuture<>();
		chat.onConnect(() -> connected.complete(null));
		chat.connect();
		connected.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(client.isConnected()).isTrue();
		assertThat(chat.emitWithAck("echo", "hi").get(TIMEOUT, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("hi");
		chat.disconnect();
		assertThat(chat.isConnected()).isFalse();
		assertThat(client.isConnected()).isTrue();
		assertThat(client.call("add", Integer.class, 1, 1)).isEqualTo(2);
	}

	@Test
	void sendsAuthAndIsAccepted() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode,
				(builder) -> builder.namespaces("/auth").auth((namespace) -> Map.of("token", "secret-token", "ns", namespace)));
		CompletableFuture<JsonNode> welcome = new CompletableFuture<>();
		client.socket("/auth").on("welcome", (args, ack) -> welcome.complete(args.json(0)));
		client.connect();
		assertThat(welcome.get(TIMEOUT, TimeUnit.SECONDS).get("auth").get("ns").stringValue()).isEqualTo("/auth");
	}

	@Test
	void reportsTheServersRefusalOfWrongAuth() {
		SocketIoClient client = this.clients.create(url(), this.mode,
				(builder) -> builder.namespaces("/auth").auth(Map.of("token", "wrong")));
		CompletableFuture<SocketIoConnectException> event = new CompletableFuture<>();
		client.socket("/auth").onConnectError(event::complete);
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.satisfies((ex) -> {
				assertThat(ex.namespace()).isEqualTo("/auth");
				assertThat(ex.serverMessage()).isEqualTo("invalid token");
				assertThat(ex.getMessage()).contains("invalid token");
			});
		assertThat(event).succeedsWithin(TIMEOUT, TimeUnit.SECONDS);
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
	}

	@Test
	void exposesTheMessageAndDataOfAMiddlewareRefusal() {
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		SocketIoSocket rejecting = client.socket("/rejecting");
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(rejecting::connect).satisfies((ex) -> {
			assertThat(ex.serverMessage()).isEqualTo("not authorized");
			assertThat(ex.data().get("code").asInt()).isEqualTo(401);
		});
		assertThat(rejecting.isConnected()).isFalse();
		assertThat(client.isConnected()).isTrue();
		assertThat(client.call("add", Integer.class, 1, 1)).isEqualTo(2);
	}

	@Test
	void reportsAnUnknownNamespace() {
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(() -> client.socket("/nope").connect())
			.satisfies((ex) -> assertThat(ex.serverMessage())
				.isEqualTo((this.server == ServerKind.PYTHON) ? "Unable to connect" : "Invalid namespace"));
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void closesTheConnectionWhenTheLastNamespaceLeaves() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode, (builder) -> builder.namespaces("/chat"));
		client.connect();
		client.socket("/chat").disconnect();
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThat(client.transport()).isNull();
		client.connect();
		assertThat(client.socket("/chat").isConnected()).isTrue();
	}

}
