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
package io.github.springsocketio.interop.netty2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.MultiTypeAckCallback;
import com.corundumstudio.socketio.MultiTypeArgs;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.springsocketio.interop.BinaryArguments;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

/**
 * netty-socketio 2.0.13 (Engine.IO 4 / Socket.IO protocol 5, and Engine.IO 3 / protocol 4) with
 * the handlers of the interop contract on the namespaces {@code /}, {@code /chat}, {@code /auth}
 * and {@code /rejecting}. The environment sets {@code PORT} (0 or unset: a free one),
 * {@code PING_INTERVAL} and {@code PING_TIMEOUT} (ms), {@code MAX_PAYLOAD} (bytes) and
 * {@code LOG_LEVEL} (slf4j-simple, default {@code warn}); it prints {@code listening on <port>} once
 * it accepts connections.
 * <p>
 * The token is the {@code token} entry of the CONNECT payload, which this version hands to the
 * namespace's auth token listeners; these refuse {@code /auth} (wrong token) and {@code /rejecting}
 * with a CONNECT_ERROR. It calls them only for an Engine.IO 4 client whose CONNECT has a payload: a
 * CONNECT without one, and every CONNECT of an Engine.IO 3 client (whose token comes from the
 * handshake URL: the query of a namespace in a CONNECT packet is dropped), is acknowledged, and
 * those two namespaces then disconnect the client right after.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class NettySocketIo2Server {

	private static final List<String> NAMESPACES = List.of("/", "/chat", "/auth", "/rejecting");

	/** As many {@code Object} arguments as an event may carry; netty-socketio drops the rest. */
	private static final Class<?>[] ANY_ARGUMENTS = new Class<?>[16];

	/** Client store key prefix of the token that the CONNECT to a namespace carried. */
	private static final String TOKEN = "token:";

	static {
		Arrays.fill(ANY_ARGUMENTS, Object.class);
	}

	private NettySocketIo2Server() {
	}

	public static void main(String[] args) throws IOException {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", env("LOG_LEVEL", "warn"));
		Configuration configuration = configuration();
		SocketIOServer server = new SocketIOServer(configuration);
		for (String name : NAMESPACES) {
			register(("/".equals(name)) ? server.getNamespace("") : server.addNamespace(name), name);
		}
		server.start();
		System.out.println("listening on " + configuration.getPort());
	}

	private static Configuration configuration() throws IOException {
		Configuration configuration = new Configuration();
		configuration.setHostname("127.0.0.1");
		configuration.setPort(port());
		configuration.setPingInterval(Integer.parseInt(env("PING_INTERVAL", "25000")));
		configuration.setPingTimeout(Integer.parseInt(env("PING_TIMEOUT", "20000")));
		int maxPayload = Integer.parseInt(env("MAX_PAYLOAD", "1000000"));
		configuration.setMaxFramePayloadLength(maxPayload);
		configuration.setMaxHttpContentLength(maxPayload);
		// Restarted on the same port right after a stop.
		configuration.getSocketConfig().setReuseAddress(true);
		return configuration;
	}

	/**
	 * The port of the environment, or a free one: the server does not tell which port it bound.
	 */
	private static int port() throws IOException {
		int port = Integer.parseInt(env("PORT", "0"));
		if (port != 0) {
			return port;
		}
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
	}

	private static void register(SocketIONamespace namespace, String name) {
		namespace.addAuthTokenListener((auth, client) -> onAuth(client, name, auth));
		namespace.addConnectListener((client) -> onConnect(client, name));
		namespace.addDisconnectListener((client) -> client.del(TOKEN + name));
		namespace.addMultiTypeEventListener("echo", (client, data, ack) -> echo(client, data, ack), ANY_ARGUMENTS);
		namespace.addMultiTypeEventListener("add",
				(client, data, ack) -> ack.sendAckData(sum(data.get(0), data.get(1))), Number.class, Number.class);
		namespace.addEventListener("binary", Object.class,
				(client, data, ack) -> ack.sendAckData(Map.of("first", new byte[] { 0, 1, 2 })));
		namespace.addEventListener("emit-binary", Object.class, (client, data, ack) -> client.sendEvent("binary",
				new byte[] { 9, 8, 7 }, Map.of("inner", List.of(new byte[] { 6, 5 }))));
		namespace.addEventListener("request-ack", Object.class, (client, payload, ack) -> requestAck(client, payload));
		namespace.addMultiTypeEventListener("disconnect-me", (client, data, ack) -> client.disconnect(),
				ANY_ARGUMENTS);
	}

	/**
	 * Keeps the token of the CONNECT payload for the connect listener, and refuses what the
	 * namespace refuses.
	 */
	private static AuthTokenResult onAuth(SocketIOClient client, String namespace, Object auth) {
		Object token = (auth instanceof Map<?, ?> map) ? map.get("token") : null;
		if (token != null) {
			client.set(TOKEN + namespace, token);
		}
		else {
			client.del(TOKEN + namespace);
		}
		if ("/rejecting".equals(namespace)) {
			return new AuthTokenResult(false, Map.of("message", "not authorized", "data", Map.of("code", 401)));
		}
		if ("/auth".equals(namespace) && !"secret-token".equals(token)) {
			return new AuthTokenResult(false, Map.of("message", "invalid token"));
		}
		return AuthTokenResult.AuthTokenResultSuccess;
	}

	private static void onConnect(SocketIOClient client, String namespace) {
		Object token = token(client, namespace);
		boolean refused = "/rejecting".equals(namespace)
				|| ("/auth".equals(namespace) && !"secret-token".equals(token));
		if (refused) {
			afterCurrentTask(client::disconnect);
			return;
		}
		Map<String, Object> welcome = new LinkedHashMap<>();
		welcome.put("id", client.getSessionId().toString());
		welcome.put("namespace", namespace);
		// netty-socketio's JSON leaves out null values, also in maps.
		welcome.put("token", (token != null) ? token : NullNode.getInstance());
		client.sendEvent("welcome", welcome);
	}

	/**
	 * The token of the CONNECT payload, or for an Engine.IO 3 client the one of the handshake URL.
	 */
	private static Object token(SocketIOClient client, String namespace) {
		Object token = client.get(TOKEN + namespace);
		if (token == null && "3".equals(client.getHandshakeData().getSingleUrlParam("EIO"))) {
			token = client.getHandshakeData().getSingleUrlParam("token");
		}
		return token;
	}

	private static void echo(SocketIOClient client, MultiTypeArgs data, AckRequest ack) {
		List<Object> args = BinaryArguments.restore(data.getArgs(), ack);
		client.sendEvent("echo", args.toArray());
		if (ack.isAckRequested()) {
			ack.sendAckData(args);
		}
	}

	private static Number sum(Number a, Number b) {
		boolean integral = (a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long);
		return integral ? (Number) (a.longValue() + b.longValue()) : (Number) (a.doubleValue() + b.doubleValue());
	}

	private static void requestAck(SocketIOClient client, Object payload) {
		client.sendEvent("server-request", new MultiTypeAckCallback(ANY_ARGUMENTS) {
			@Override
			public void onSuccess(MultiTypeArgs reply) {
				client.sendEvent("server-request-reply", reply.getArgs().toArray());
			}
		}, payload);
	}

	/**
	 * Runs a task after the one at hand on this event loop: for an Engine.IO 3 client the connect
	 * listeners run before netty-socketio acknowledges the CONNECT, which a disconnect must follow.
	 */
	private static void afterCurrentTask(Runnable task) {
		EventExecutor loop = ThreadExecutorMap.currentExecutor();
		if (loop != null) {
			loop.execute(task);
		}
		else {
			task.run();
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
