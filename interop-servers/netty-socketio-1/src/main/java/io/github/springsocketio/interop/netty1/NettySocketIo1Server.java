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
package io.github.springsocketio.interop.netty1;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corundumstudio.socketio.AckRequest;
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
 * netty-socketio 1.7.19 (Engine.IO 3 / Socket.IO protocol 4) with the handlers of the interop
 * contract on the namespaces {@code /}, {@code /chat}, {@code /auth} and {@code /rejecting}. The
 * environment sets {@code PORT} (0 or unset: a free one), {@code PING_INTERVAL} and
 * {@code PING_TIMEOUT} (ms), {@code MAX_PAYLOAD} (bytes) and {@code LOG_LEVEL} (slf4j-simple,
 * default {@code warn}); it prints {@code listening on <port>} once it accepts connections.
 * <p>
 * This version cannot refuse the connection to one namespace: it runs the connect listeners and
 * then acknowledges every CONNECT. {@code /auth} (with a wrong token) and {@code /rejecting}
 * therefore disconnect the client from the namespace right after the acknowledgement. It drops the
 * query of a namespace in a CONNECT packet, so the token comes from the Engine.IO handshake URL.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class NettySocketIo1Server {

	private static final List<String> NAMESPACES = List.of("/", "/chat", "/auth", "/rejecting");

	/** As many {@code Object} arguments as an event may carry; netty-socketio drops the rest. */
	private static final Class<?>[] ANY_ARGUMENTS = new Class<?>[16];

	static {
		Arrays.fill(ANY_ARGUMENTS, Object.class);
	}

	private NettySocketIo1Server() {
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
		namespace.addConnectListener((client) -> onConnect(client, name));
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

	private static void onConnect(SocketIOClient client, String namespace) {
		String token = client.getHandshakeData().getSingleUrlParam("token");
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
	 * Runs a task after the one at hand on this event loop: the connect listeners run before
	 * netty-socketio acknowledges the CONNECT, which a disconnect must follow.
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
