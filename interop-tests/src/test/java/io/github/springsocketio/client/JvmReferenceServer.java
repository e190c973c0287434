package io.github.springsocketio.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.ConnectedClient;
import io.github.springsocketio.test.ServerNamespace;
import io.github.springsocketio.test.SocketIoTestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-JVM {@link SocketIoTestServer} scripted with the handlers of the Node reference server
 * ({@code socketio-test/src/main/node/server.js}) that the interop matrix and the JavaScript
 * conformance client use, so that both run against it as one more server. Namespaces {@code /},
 * {@code /chat}, {@code /auth} (token {@code secret-token}) and {@code /rejecting}; any other is
 * refused as socket.io refuses it.
 */
final class JvmReferenceServer implements BeforeAllCallback, AfterAllCallback {

	private final SocketIoTestServer.Builder builder = SocketIoTestServer.builder().maxPayload(2_000_000);

	private final Map<String, Stats> stats = new ConcurrentHashMap<>();

	private SocketIoTestServer server;

	JvmReferenceServer pingInterval(Duration interval, Duration timeout) {
		this.builder.pingInterval(interval).pingTimeout(timeout);
		return this;
	}

	String url() {
		return this.server.url();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.close();
	}

	SocketIoTestServer start() {
		this.server = this.builder.start();
		for (String name : new String[] { "/", "/chat", "/auth", "/rejecting" }) {
			script(this.server.namespace(name));
		}
		this.server.namespace("/rejecting")
			.onConnectRequest((request) -> request.refuse("not authorized", Map.of("code", 401)));
		this.server.namespace("/auth").onConnectRequest((request) -> {
			if (!"secret-token".equals(request.auth().get("token"))) {
				request.refuse("invalid token");
			}
		});
		this.server.namespace("/nope").onConnectRequest((request) -> request.refuse("Invalid namespace"));
		return this.server;
	}

	private void script(ServerNamespace namespace) {
		namespace.onConnect((client) -> client.emit("welcome", welcome(client)));
		namespace.on("echo", (client, args, ack) -> {
			Object[] values = args.toList().toArray();
			client.emit("echo", values);
			ack.send(values);
		});
		namespace.on("ack-several", (args, ack) -> ack.send("a", 1, Map.of("b", true), null, new int[] { 1, 2 }));
		namespace.on("add", (args, ack) -> ack.send(args.get(0, Integer.class) + args.get(1, Integer.class)));
		namespace.on("slow-ack", (args, ack) -> CompletableFuture
			.runAsync(() -> ack.send("late"), CompletableFuture.delayedExecutor(args.get(0, Long.class), TimeUnit.MILLISECONDS)));
		namespace.on("request-ack", (client, args, ack) -> client.emitWithAck("server-request", args.toList().toArray())
			.thenAccept((reply) -> client.emit("server-request-reply", reply.toList().toArray())));
		namespace.on("request-binary-ack", (client, args, ack) -> client
			.emitWithAck("server-binary-request", Map.of("data", new byte[] { 1, 2, 3 }))
			.thenAccept((reply) -> client.emit("server-request-reply", reply.toList().toArray())));
		namespace.on("binary", (args, ack) -> ack.send(Map.of("first", new byte[] { 0, 1, 2 }, "nested",
				Map.of("list", new Object[] { "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text" }))));
		namespace.on("emit-binary",
				(client, args, ack) -> client.emit("binary", new byte[] { 9, 8, 7 }, Map.of("inner", new Object[] { new byte[] { 6, 5 } })));
		namespace.on("emit-many", (client, args, ack) -> {
			int count = args.get(0, Integer.class);
			String event = (args.size() > 1) ? args.get(1, String.class) : "many";
			for (int i = 0; i < count; i++) {
				client.emit(event, i);
			}
			ack.send(count);
		});
		namespace.on("large", (client, args, ack) -> {
			String text = "€".repeat(args.get(0, Integer.class));
			client.emit("large", text);
			ack.send(text.length());
		});
		namespace.on("disconnect-me", (client, args, ack) -> client.disconnect());
		namespace.on("count", (client, args, ack) -> stats(client).count++);
		namespace.on("seq", (client, args, ack) -> stats(client).sequence(args.get(0, String.class), args.get(1, Integer.class)));
		namespace.on("stats", (client, args, ack) -> ack.send(stats(client).snapshot(client)));
		namespace.on("chat", (args, ack) -> {
			Map<?, ?> message = args.get(0, Map.class);
			long at = System.currentTimeMillis();
			namespace.emit("chat", Map.of("author", String.valueOf(message.get("author")), "text",
					String.valueOf(message.get("text")), "at", at));
			ack.send(Map.of("delivered", true, "at", at));
		});
	}

	private Stats stats(ConnectedClient client) {
		return this.stats.computeIfAbsent(client.id(), (id) -> new Stats());
	}

	private static Map<String, Object> welcome(ConnectedClient client) {
		Map<String, Object> welcome = new LinkedHashMap<>();
		welcome.put("id", client.id());
		welcome.put("engineId", client.connectionId());
		welcome.put("namespace", client.namespace());
		welcome.put("transport", client.transport());
		Map<String, Object> query = new LinkedHashMap<>();
		String v = client.queryParameter("v");
		if (v != null) {
			query.put("v", v);
		}
		welcome.put("query", query);
		welcome.put("auth", client.auth());
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("x-api-key", client.header("x-api-key"));
		welcome.put("headers", headers);
		return welcome;
	}

	/** What one socket sent, as the Node server's {@code stats} reports it. */
	private static final class Stats {

		int count;

		final Map<String, Map<String, Object>> sequences = new LinkedHashMap<>();

		synchronized void sequence(String thread, int n) {
			Map<String, Object> sequence = this.sequences.computeIfAbsent(thread,
					(key) -> new LinkedHashMap<>(Map.of("count", 0, "ordered", true, "last", -1)));
			sequence.put("count", (Integer) sequence.get("count") + 1);
			if (n != (Integer) sequence.get("last") + 1) {
				sequence.put("ordered", false);
			}
			sequence.put("last", n);
		}

		synchronized Map<String, Object> snapshot(ConnectedClient client) {
			return Map.of("count", this.count, "sequences", new LinkedHashMap<>(this.sequences), "transport",
					client.transport());
		}

	}

}
