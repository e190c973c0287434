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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import io.github.springsocketio.test.server.EngineServer;
import io.github.springsocketio.test.server.EngineServerOptions;
import io.github.springsocketio.test.server.EngineSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Socket.IO server in the test's own JVM, on a free loopback port, scripted from the test: no
 * Node.js needed. It speaks Engine.IO 4 / Socket.IO protocol 5 (the revision of Socket.IO 3.x and
 * 4.x servers) over WebSocket and HTTP long-polling with the upgrade, accepts every namespace,
 * and carries events, acknowledgements and binary both ways.
 *
 * <pre class="code">
 * try (SocketIoTestServer server = SocketIoTestServer.start()) {
 *     server.on("add", (args, ack) -&gt; ack.send(args.get(0, Integer.class) + args.get(1, Integer.class)));
 *     SocketIoClient client = SocketIoClient.builder(server.url()).build();
 *     client.connect();
 *     client.emit("hello", "world");
 *     assertThat(server.awaitEvent("hello", Duration.ofSeconds(5)).get(0, String.class)).isEqualTo("world");
 * }
 * </pre>
 *
 * The methods of the server itself act on the main namespace {@code /}, as a Socket.IO server's
 * {@code io.on} and {@code io.emit} do, except {@link #connectedClients()} and
 * {@link #disconnectAll()}, which span every namespace; {@link #namespace(String)} gives the
 * others. Handlers and hooks run one at a time on the server's event thread.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class SocketIoTestServer implements AutoCloseable {

	private final EngineServerOptions engineOptions;

	private final Duration ackTimeout;

	private final JsonMapper mapper;

	private final SocketPacketEncoder encoder;

	private final ServerThreads threads = new ServerThreads();

	private final Map<String, ServerNamespace> namespaces = new ConcurrentHashMap<>();

	private final Object lifecycle = new Object();

	private volatile @Nullable EngineServer engine;

	private int port;

	private boolean closed;

	private SocketIoTestServer(Builder settings) {
		this.engineOptions = new EngineServerOptions(settings.pingInterval, settings.pingTimeout, settings.maxPayload);
		this.ackTimeout = settings.ackTimeout;
		this.mapper = settings.mapper;
		this.encoder = new SocketPacketEncoder(settings.mapper);
		this.port = settings.port;
	}

	/**
	 * Starts a server with the defaults on a free loopback port.
	 * @return the running server
	 * @throws UncheckedIOException when it cannot start
	 */
	public static SocketIoTestServer start() {
		return builder().start();
	}

	/**
	 * A builder for a server with other heartbeat values, limits or port.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The URL clients connect to, e.g. {@code http://127.0.0.1:52431}.
	 * @return the URL
	 */
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * The port; the same across {@link #restart()}.
	 * @return the port
	 */
	public int port() {
		synchronized (this.lifecycle) {
			return this.port;
		}
	}

	/**
	 * Whether the server accepts connections now.
	 * @return whether it is started and not stopped
	 */
	public boolean isRunning() {
		return this.engine != null;
	}

	/**
	 * A namespace, which clients may connect to whether or not the test touched it.
	 * @param name the name, e.g. {@code /chat}
	 * @return the namespace
	 */
	public ServerNamespace namespace(String name) {
		String normalized = name.startsWith("/") ? name : "/" + name;
		return this.namespaces.computeIfAbsent(normalized, ServerNamespace::new);
	}

	/**
	 * Handles an event clients send to {@code /}; see {@link ServerNamespace#on(String, BiConsumer)}.
	 * @param event the event
	 * @param handler the handler, which answers acknowledgements with {@code ack.send(..)}
	 * @return this server
	 */
	public SocketIoTestServer on(String event, BiConsumer<Arguments, Ack> handler) {
		namespace("/").on(event, handler);
		return this;
	}

	/**
	 * Handles an event clients send to {@code /}, knowing which client sent it.
	 * @param event the event
	 * @param handler the handler
	 * @return this server
	 */
	public SocketIoTestServer on(String event, ClientEventHandler handler) {
		namespace("/").on(event, handler);
		return this;
	}

	/**
	 * Sees every request to connect to {@code /} and may refuse it, e.g. for its auth.
	 * @param hook the hook
	 * @return this server
	 */
	public SocketIoTestServer onConnectRequest(Consumer<ConnectRequest> hook) {
		namespace("/").onConnectRequest(hook);
		return this;
	}

	/**
	 * Runs once a client is connected to {@code /}.
	 * @param hook the hook
	 * @return this server
	 */
	public SocketIoTestServer onConnect(Consumer<ConnectedClient> hook) {
		namespace("/").onConnect(hook);
		return this;
	}

	/**
	 * Emits an event to every client connected to {@code /}.
	 * @param event the event
	 * @param args the arguments: anything Jackson can write; {@code byte[]} travels as binary
	 */
	public void emit(String event, Object... args) {
		namespace("/").emit(event, args);
	}

	/**
	 * Emits an event to every client connected to {@code /} and asks for an acknowledgement.
	 * @param event the event
	 * @param args the arguments
	 * @return the first acknowledgement; see {@link ServerNamespace#emitWithAck}
	 */
	public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
		return namespace("/").emitWithAck(event, args);
	}

	/**
	 * The next event of that name a client sent to {@code /}; see
	 * {@link ServerNamespace#awaitEvent}.
	 * @param event the event
	 * @param timeout how long to wait
	 * @return its arguments
	 * @throws AssertionError when none arrives in time
	 */
	public Arguments awaitEvent(String event, Duration timeout) {
		return namespace("/").awaitEvent(event, timeout);
	}

	/**
	 * The clients connected now, to any namespace; a client connected to two namespaces is two.
	 * @return the clients
	 */
	public List<ConnectedClient> connectedClients() {
		List<ConnectedClient> clients = new ArrayList<>();
		this.namespaces.values().forEach((namespace) -> clients.addAll(namespace.connectedClients()));
		return clients;
	}

	/**
	 * Disconnects every client from every namespace; they do not reconnect (their reason is
	 * {@code io server disconnect}).
	 */
	public void disconnectAll() {
		this.namespaces.values().forEach(ServerNamespace::disconnectAll);
	}

	/**
	 * Stops accepting connections and drops every connection, as a server that goes away does:
	 * clients see the transport close and reconnect if they are set to. Handlers and hooks stay.
	 */
	public void stop() {
		EngineServer running;
		synchronized (this.lifecycle) {
			running = this.engine;
			this.engine = null;
		}
		if (running != null) {
			running.stop();
			this.threads.awaitEvents();
		}
	}

	/**
	 * Starts again on the same port, after {@link #stop()} or in place of a running server.
	 * @throws UncheckedIOException when the port is taken meanwhile
	 */
	public void restart() {
		stop();
		synchronized (this.lifecycle) {
			if (this.closed) {
				throw new IllegalStateException("The test server is closed");
			}
			try {
				EngineServer started = EngineServer.start(this.port, this.engineOptions, this::opened, this.threads.heartbeat());
				this.port = started.port();
				this.engine = started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Stops the server for good and ends its threads.
	 */
	@Override
	public void close() {
		synchronized (this.lifecycle) {
			this.closed = true;
		}
		stop();
		this.threads.shutdown();
	}

	private ClientConnection opened(EngineSession session) {
		return new ClientConnection(session, new SocketSender(session, this.encoder), this.mapper, this::namespace,
				this.threads.events(), this.ackTimeout);
	}

	@Override
	public String toString() {
		return "SocketIoTestServer " + url();
	}

	/**
	 * Settings of a {@link SocketIoTestServer}.
	 */
	public static final class Builder {

		private int port;

		private Duration pingInterval = Duration.ofSeconds(25);

		private Duration pingTimeout = Duration.ofSeconds(20);

		private int maxPayload = 1_000_000;

		private Duration ackTimeout = Duration.ofSeconds(10);

		private JsonMapper mapper = JsonMapper.builder().build();

		private Builder() {
		}

		/**
		 * The port; 0, the default, picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * How often the server pings; 25 s by default, as Socket.IO servers.
		 * @param pingInterval the interval
		 * @return this builder
		 */
		public Builder pingInterval(Duration pingInterval) {
			this.pingInterval = pingInterval;
			return this;
		}

		/**
		 * How long the server waits for a pong before it drops the client; 20 s by default.
		 * @param pingTimeout the timeout
		 * @return this builder
		 */
		public Builder pingTimeout(Duration pingTimeout) {
			this.pingTimeout = pingTimeout;
			return this;
		}

		/**
		 * The largest message the server accepts, in bytes, announced in its handshake; 1,000,000
		 * by default, as Socket.IO servers.
		 * @param maxPayload the limit
		 * @return this builder
		 */
		public Builder maxPayload(int maxPayload) {
			this.maxPayload = maxPayload;
			return this;
		}

		/**
		 * How long an {@code emitWithAck} of the server waits; 10 s by default.
		 * @param ackTimeout the timeout
		 * @return this builder
		 */
		public Builder ackTimeout(Duration ackTimeout) {
			this.ackTimeout = ackTimeout;
			return this;
		}

		/**
		 * The mapper that reads and writes the JSON of events.
		 * @param mapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper mapper) {
			this.mapper = mapper;
			return this;
		}

		/**
		 * Starts the server.
		 * @return the running server
		 * @throws UncheckedIOException when the port cannot be bound
		 * @throws IllegalArgumentException when a setting is out of range
		 */
		public SocketIoTestServer start() {
			SocketIoTestServer server = new SocketIoTestServer(this);
			try {
				server.restart();
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
			return server;
		}

	}

}
