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
package io.github.springsocketio.client;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javax.net.ssl.SSLContext;

import io.github.springsocketio.client.connection.ClientOptions;
import io.github.springsocketio.client.connection.DefaultSocketIoClient;
import io.github.springsocketio.client.connection.ObservationOptions;
import io.github.springsocketio.observation.SocketIoEmitObservationConvention;
import io.github.springsocketio.observation.SocketIoHandleObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.client.WebSocketClient;
import tools.jackson.databind.json.JsonMapper;

/*
 * Over 400 lines: the documented public API and its builder, which the contract nests here
 * (SocketIoClient.Builder); most lines are Javadoc and one setter per setting.
 */
/**
 * A Socket.IO client: one Engine.IO connection to a server (the JavaScript client's "Manager")
 * carrying any number of namespaces ({@link #socket(String)}). The methods {@code emit},
 * {@code on} and the like are shortcuts to the default namespace {@code /}. Thread-safe.
 *
 * <pre class="code">
 * SocketIoClient client = SocketIoClient.builder("http://localhost:3000").build();
 * client.on("chat", (args, ack) -&gt; System.out.println(args.get(0, String.class)));
 * client.connect();
 * client.emit("chat", "Hello");
 * </pre>
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface SocketIoClient extends AutoCloseable {

	/**
	 * Starts building a client.
	 * @param url the server's URL: {@code http}, {@code https}, {@code ws} or {@code wss}
	 * @return the builder
	 */
	static Builder builder(String url) {
		return new Builder(url);
	}

	/**
	 * Connects and joins every configured namespace, waiting until each has answered.
	 * @throws SocketIoConnectException when the connection fails, a namespace is refused, or the
	 * connect timeout passes first
	 */
	void connect();

	/**
	 * Connects and joins every configured namespace.
	 * @return completes when connected; fails with {@link SocketIoConnectException}
	 */
	CompletableFuture<Void> connectAsync();

	/**
	 * Leaves every namespace and closes the connection; the client does not reconnect, but
	 * {@link #connect()} may be called again.
	 */
	void disconnect();

	/**
	 * Disconnects and releases the client's resources for good.
	 */
	@Override
	void close();

	/**
	 * Waits until the client is disconnected for good: disconnected and not reconnecting
	 * (python-socketio's {@code wait()}).
	 * @throws SocketIoException when interrupted
	 */
	void await();

	/**
	 * Waits at most the given time until the client is disconnected for good.
	 * @param timeout the longest wait
	 * @return whether the client is disconnected for good
	 */
	boolean await(Duration timeout);

	/**
	 * The connection's state.
	 * @return the state
	 */
	ConnectionState state();

	/**
	 * Whether the client is connected with every namespace meant to be joined.
	 * @return whether {@link #state()} is {@link ConnectionState#CONNECTED}
	 */
	boolean isConnected();

	/**
	 * The transport in use.
	 * @return the transport, or {@code null} while not connected
	 */
	@Nullable Transport transport();

	/**
	 * The protocol revision of the current or last connection: what {@link ProtocolVersion#AUTO}
	 * found, or the revision the builder named.
	 * @return {@link ProtocolVersion#V4} or {@link ProtocolVersion#V5}, or {@code null} before the
	 * first handshake
	 */
	@Nullable ProtocolVersion protocol();

	/**
	 * A namespace of this connection; the same instance for the same namespace.
	 * @param namespace the namespace, e.g. {@code /chat}
	 * @return the socket
	 */
	SocketIoSocket socket(String namespace);

	/**
	 * Runs a task in the background (python-socketio's {@code start_background_task}).
	 * @param task the task
	 * @return the task's future
	 */
	Future<?> startBackgroundTask(Runnable task);

	/**
	 * Sleeps (python-socketio's {@code sleep}).
	 * @param duration how long
	 * @throws SocketIoException when interrupted
	 */
	void sleep(Duration duration);

	/**
	 * Adds a handler for each reconnect attempt.
	 * @param handler the handler, given the attempt's number from 1
	 * @return the subscription that removes it
	 */
	Subscription onReconnectAttempt(IntConsumer handler);

	/**
	 * Adds a handler for each successful reconnection.
	 * @param handler the handler, given the number of attempts it took
	 * @return the subscription that removes it
	 */
	Subscription onReconnect(IntConsumer handler);

	/**
	 * Adds a handler for when reconnection gives up.
	 * @param handler the handler
	 * @return the subscription that removes it
	 */
	Subscription onReconnectFailed(Runnable handler);

	/**
	 * Adds an observer of what the client does, as the metrics do.
	 * @param observer the observer
	 * @return the subscription that removes it
	 */
	Subscription observe(SocketIoClientObserver observer);

	/**
	 * Sends an event to the default namespace; see {@link SocketIoSocket#emit}.
	 * @param event the event's name
	 * @param args the arguments
	 */
	default void emit(String event, Object... args) {
		socket("/").emit(event, args);
	}

	/**
	 * Sends an event to the default namespace and asks for an acknowledgement; see
	 * {@link SocketIoSocket#emitWithAck}.
	 * @param event the event's name
	 * @param args the arguments
	 * @return the acknowledgement's arguments
	 */
	default CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
		return socket("/").emitWithAck(event, args);
	}

	/**
	 * Sends an event to the default namespace and waits for its acknowledgement; see
	 * {@link SocketIoSocket#call}.
	 * @param <T> the type of the result
	 * @param event the event's name
	 * @param type the type of the acknowledgement's first argument
	 * @param args the arguments
	 * @return the first argument of the acknowledgement
	 */
	default <T> @Nullable T call(String event, Class<T> type, Object... args) {
		return socket("/").call(event, type, args);
	}

	/**
	 * Sends a {@code message} event to the default namespace.
	 * @param args the arguments
	 */
	default void send(Object... args) {
		socket("/").send(args);
	}

	/**
	 * Adds a handler for an event of the default namespace.
	 * @param event the event's name
	 * @param handler the handler
	 * @return the subscription that removes it
	 */
	default Subscription on(String event, EventHandler handler) {
		return socket("/").on(event, handler);
	}

	/**
	 * Adds a handler for an event of the default namespace, given its first argument.
	 * @param <T> the type
	 * @param event the event's name
	 * @param type the type of the first argument
	 * @param handler the handler
	 * @return the subscription that removes it
	 */
	default <T> Subscription on(String event, Class<T> type, Consumer<@Nullable T> handler) {
		return socket("/").on(event, type, handler);
	}

	/**
	 * Adds a handler for every event of the default namespace.
	 * @param handler the handler
	 * @return the subscription that removes it
	 */
	default Subscription onAny(AnyEventHandler handler) {
		return socket("/").onAny(handler);
	}

	/**
	 * The next event of the default namespace that no handler took; see
	 * {@link SocketIoSocket#receive(Duration)}.
	 * @param timeout how long to wait; {@link Duration#ZERO} does not wait
	 * @return the event, or empty when none came in time
	 * @since 0.2.0
	 */
	default Optional<InboundEvent> receive(Duration timeout) {
		return socket("/").receive(timeout);
	}

	/**
	 * Builds a {@link SocketIoClient}. Every setting has the default of the YAML reference.
	 */
	final class Builder {

		/** The transports of a client that sets none, in the order tried. */
		public static final List<Transport> DEFAULT_TRANSPORTS = List.of(Transport.WEBSOCKET, Transport.POLLING);

		/** The Engine.IO path of a client that sets none. */
		public static final String DEFAULT_PATH = "/socket.io";

		/** The namespace a client that sets none connects. */
		public static final String DEFAULT_NAMESPACE = "/";

		/** How long a connect may take when the client sets no other time. */
		public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);

		/** How long an acknowledgement is awaited when the client sets no other time. */
		public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);

		/** How many emits wait for a connection when the client sets no other bound. */
		public static final int DEFAULT_SEND_BUFFER_MAX_PACKETS = 1000;

		/** The largest inbound message, in bytes, when the client sets no other bound. */
		public static final long DEFAULT_MAX_INBOUND_MESSAGE_SIZE = 16L * 1024 * 1024;

		/** How many events may wait for a namespace's handlers when the client sets no other bound. */
		public static final int DEFAULT_MAX_PENDING_INBOUND_EVENTS = 10_000;

		/** What a client that names nothing else does when its handlers fall behind. */
		public static final InboundOverflow DEFAULT_INBOUND_OVERFLOW = InboundOverflow.PAUSE;

		/** How many bytes emits may hold while connected when the client sets no other bound. */
		public static final long DEFAULT_SEND_BUFFER_MAX_BYTES = 64L * 1024 * 1024;

		/** The protocol revision of a client that names none: found out per server. */
		public static final ProtocolVersion DEFAULT_PROTOCOL = ProtocolVersion.AUTO;

		/** The name of a client that is given none, as Spring Boot names its primary client. */
		public static final String DEFAULT_NAME = "default";

		/** How many distinct event names the observations' {@code event} key keeps by default. */
		public static final int DEFAULT_MAX_EVENT_TAGS = 100;

		private final URI uri;

		private final Map<String, String> query = new LinkedHashMap<>();

		private final Map<String, List<String>> headers = new LinkedHashMap<>();

		private final List<SocketIoInterceptor> interceptors = new ArrayList<>();

		private List<Transport> transports = DEFAULT_TRANSPORTS;

		private boolean upgrade = true;

		private String path = DEFAULT_PATH;

		private @Nullable AuthProvider auth;

		private Set<String> namespaces = Set.of(DEFAULT_NAMESPACE);

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration ackTimeout = DEFAULT_ACK_TIMEOUT;

		private int retries;

		private Reconnection reconnection = Reconnection.defaults();

		private int sendBufferMaxPackets = DEFAULT_SEND_BUFFER_MAX_PACKETS;

		private long maxInboundMessageSize = DEFAULT_MAX_INBOUND_MESSAGE_SIZE;

		private int maxPendingInboundEvents = DEFAULT_MAX_PENDING_INBOUND_EVENTS;

		private InboundOverflow inboundOverflow = DEFAULT_INBOUND_OVERFLOW;

		private long sendBufferMaxBytes = DEFAULT_SEND_BUFFER_MAX_BYTES;

		private @Nullable SSLContext sslContext;

		private @Nullable JsonMapper jsonMapper;

		private @Nullable Executor handlerExecutor;

		private @Nullable CookieStore cookieStore;

		private @Nullable ProxySelector proxy;

		private @Nullable WebSocketImplementation webSocketImplementation;

		private ProtocolVersion protocol = DEFAULT_PROTOCOL;

		private @Nullable WebSocketClient webSocketClient;

		private String name = DEFAULT_NAME;

		private @Nullable ObservationRegistry observationRegistry;

		private @Nullable SocketIoEmitObservationConvention emitObservationConvention;

		private @Nullable SocketIoHandleObservationConvention handleObservationConvention;

		private int maxEventTags = DEFAULT_MAX_EVENT_TAGS;

		Builder(String url) {
			Objects.requireNonNull(url, "'url' must not be null");
			URI parsed;
			try {
				parsed = new URI(url.trim());
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException(
						"Invalid Socket.IO URL '" + Redaction.text(url) + "': " + ex.getReason() + " at index " + ex.getIndex());
			}
			String scheme = (parsed.getScheme() != null) ? parsed.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!Set.of("http", "https", "ws", "wss").contains(scheme)) {
				throw new IllegalArgumentException(
						"Invalid Socket.IO URL '" + Redaction.text(url) + "': the scheme must be http, https, ws or wss");
			}
			if (parsed.getHost() == null) {
				throw new IllegalArgumentException("Invalid Socket.IO URL '" + Redaction.text(url) + "': it has no host");
			}
			String urlPath = parsed.getRawPath();
			if (urlPath != null && !urlPath.isEmpty() && !"/".equals(urlPath)) {
				throw new IllegalArgumentException("Invalid Socket.IO URL '" + Redaction.text(url) + "': its path '" + urlPath
						+ "' would be ignored; set the Engine.IO path with path(..) and namespaces with namespaces(..)");
			}
			this.uri = parsed;
			if (parsed.getRawQuery() != null) {
				for (String parameter : parsed.getRawQuery().split("&")) {
					int equals = parameter.indexOf('=');
					String name = (equals < 0) ? parameter : parameter.substring(0, equals);
					String value = (equals < 0) ? "" : parameter.substring(equals + 1);
					this.query.put(decode(name), decode(value));
				}
			}
		}

		private static String decode(String text) {
			return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
		}

		/**
		 * The transports to try, in order; default {@code [WEBSOCKET, POLLING]}.
		 * @param transports the transports
		 * @return this builder
		 */
		public Builder transports(Transport... transports) {
			if (transports.length == 0) {
				throw new IllegalArgumentException("At least one transport is needed");
			}
			this.transports = List.copyOf(new LinkedHashSet<>(Arrays.asList(transports)));
			return this;
		}

		/**
		 * Whether to upgrade from polling to WebSocket; default {@code true}.
		 * @param upgrade whether to upgrade
		 * @return this builder
		 */
		public Builder upgrade(boolean upgrade) {
			this.upgrade = upgrade;
			return this;
		}

		/**
		 * The server's Engine.IO path; default {@code /socket.io}.
		 * @param path the path
		 * @return this builder
		 */
		public Builder path(String path) {
			Objects.requireNonNull(path, "'path' must not be null");
			this.path = path.startsWith("/") ? path : "/" + path;
			return this;
		}

		/**
		 * Adds a query parameter to every request.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder query(String name, String value) {
			this.query.put(Objects.requireNonNull(name, "'name' must not be null"),
					Objects.requireNonNull(value, "'value' must not be null"));
			return this;
		}

		/**
		 * Adds an HTTP header to every request, the WebSocket handshake included.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.computeIfAbsent(Objects.requireNonNull(name, "'name' must not be null"), (key) -> new ArrayList<>())
				.add(Objects.requireNonNull(value, "'value' must not be null"));
			return this;
		}

		/**
		 * A fixed auth payload sent in every namespace's CONNECT.
		 * @param auth the payload
		 * @return this builder
		 */
		public Builder auth(Map<String, ?> auth) {
			Map<String, ?> copy = Map.copyOf(auth);
			this.auth = (namespace) -> copy;
			return this;
		}

		/**
		 * An auth payload computed at every (re)connect of each namespace.
		 * @param auth the provider
		 * @return this builder
		 */
		public Builder auth(AuthProvider auth) {
			this.auth = Objects.requireNonNull(auth, "'auth' must not be null");
			return this;
		}

		/**
		 * The namespaces to join on connect; default {@code /}.
		 * @param namespaces the namespaces
		 * @return this builder
		 */
		public Builder namespaces(String... namespaces) {
			Set<String> set = new LinkedHashSet<>();
			for (String namespace : namespaces) {
				set.add(ClientOptions.normalizeNamespace(namespace));
			}
			this.namespaces = Set.copyOf(set);
			return this;
		}

		/**
		 * How long {@link SocketIoClient#connect()} waits; default 20 s.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = positive(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * How long an acknowledgement may take; default 10 s.
		 * @param ackTimeout the timeout
		 * @return this builder
		 */
		public Builder ackTimeout(Duration ackTimeout) {
			this.ackTimeout = positive(ackTimeout, "ackTimeout");
			return this;
		}

		/**
		 * How often an emit is sent again after its ack timed out; default 0.
		 * @param retries the retries
		 * @return this builder
		 */
		public Builder retries(int retries) {
			if (retries < 0) {
				throw new IllegalArgumentException("'retries' must not be negative");
			}
			this.retries = retries;
			return this;
		}

		/**
		 * How to reconnect; default exponential from 1 s to 5 s, unlimited attempts.
		 * @param reconnection the policy
		 * @return this builder
		 */
		public Builder reconnection(Reconnection reconnection) {
			this.reconnection = Objects.requireNonNull(reconnection, "'reconnection' must not be null");
			return this;
		}

		/**
		 * How many emits are buffered while not connected; default 1000.
		 * @param sendBufferMaxPackets the limit
		 * @return this builder
		 */
		public Builder sendBufferMaxPackets(int sendBufferMaxPackets) {
			if (sendBufferMaxPackets < 0) {
				throw new IllegalArgumentException("'sendBufferMaxPackets' must not be negative");
			}
			this.sendBufferMaxPackets = sendBufferMaxPackets;
			return this;
		}

		/**
		 * The largest inbound message; a larger one closes the connection. Default 16 MB.
		 * @param maxInboundMessageSize the limit in bytes
		 * @return this builder
		 */
		public Builder maxInboundMessageSize(long maxInboundMessageSize) {
			if (maxInboundMessageSize <= 0) {
				throw new IllegalArgumentException("'maxInboundMessageSize' must be positive");
			}
			this.maxInboundMessageSize = maxInboundMessageSize;
			return this;
		}

		/**
		 * How many received events may wait for a namespace's handlers; default 10,000. What happens
		 * past it is the {@link #inboundOverflow(InboundOverflow) inbound overflow}.
		 * @param maxPendingInboundEvents the limit, per namespace
		 * @return this builder
		 */
		public Builder maxPendingInboundEvents(int maxPendingInboundEvents) {
			if (maxPendingInboundEvents <= 0) {
				throw new IllegalArgumentException("'maxPendingInboundEvents' must be positive");
			}
			this.maxPendingInboundEvents = maxPendingInboundEvents;
			return this;
		}

		/**
		 * What happens when a namespace's handlers fall {@link #maxPendingInboundEvents(int) too far}
		 * behind; default {@link InboundOverflow#PAUSE}.
		 * @param inboundOverflow pause reading, or drop the newest events
		 * @return this builder
		 */
		public Builder inboundOverflow(InboundOverflow inboundOverflow) {
			this.inboundOverflow = Objects.requireNonNull(inboundOverflow, "'inboundOverflow' must not be null");
			return this;
		}

		/**
		 * How many bytes of emits may wait to be written to the network while connected; default
		 * 64 MB. Past it an emit throws {@link SendBufferFullException} at once.
		 * @param sendBufferMaxBytes the limit in bytes
		 * @return this builder
		 */
		public Builder sendBufferMaxBytes(long sendBufferMaxBytes) {
			if (sendBufferMaxBytes <= 0) {
				throw new IllegalArgumentException("'sendBufferMaxBytes' must be positive");
			}
			this.sendBufferMaxBytes = sendBufferMaxBytes;
			return this;
		}

		/**
		 * The TLS context for {@code https} and {@code wss}.
		 * @param sslContext the context
		 * @return this builder
		 */
		public Builder sslContext(SSLContext sslContext) {
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * The Jackson mapper that converts payloads; default a plain {@link JsonMapper}.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * The executor that runs handlers (one at a time per namespace); default virtual threads
		 * where the JVM has them, a bounded pool otherwise.
		 * @param handlerExecutor the executor
		 * @return this builder
		 */
		public Builder handlerExecutor(Executor handlerExecutor) {
			this.handlerExecutor = handlerExecutor;
			return this;
		}

		/**
		 * Adds an interceptor; interceptors run in the order they were added.
		 * @param interceptor the interceptor
		 * @return this builder
		 */
		public Builder interceptor(SocketIoInterceptor interceptor) {
			this.interceptors.add(Objects.requireNonNull(interceptor, "'interceptor' must not be null"));
			return this;
		}

		/**
		 * The cookie store whose cookies go with every request of this client; default an in-memory
		 * store of its own, which keeps e.g. the sticky-session cookies of a load balancer.
		 * @param cookieStore the store
		 * @return this builder
		 */
		public Builder cookieStore(CookieStore cookieStore) {
			this.cookieStore = cookieStore;
			return this;
		}

		/**
		 * The proxy: HTTP long-polling sends its requests through it, the JDK and Netty WebSocket
		 * stacks open a {@code CONNECT} tunnel (Netty: SOCKS 5 too); the SPRING stack connects directly.
		 * @param proxy the proxy selector, e.g. {@code ProxySelector.of(address)}
		 * @return this builder
		 */
		public Builder proxy(ProxySelector proxy) {
			this.proxy = proxy;
			return this;
		}

		/**
		 * The WebSocket stack of the WebSocket transport. By default {@link WebSocketImplementation#NETTY}
		 * when Netty's WebSocket client ({@code io.netty:netty-codec-http}) is on the class path, with
		 * its proxy handlers ({@code io.netty:netty-handler-proxy}) if a {@link #proxy(ProxySelector)
		 * proxy} is set; {@link WebSocketImplementation#JDK} otherwise.
		 * @param implementation the stack
		 * @return this builder
		 */
		public Builder webSocketImplementation(WebSocketImplementation implementation) {
			this.webSocketImplementation = Objects.requireNonNull(implementation, "'implementation' must not be null");
			return this;
		}

		/**
		 * The Spring WebSocket client to use instead of the default {@code StandardWebSocketClient};
		 * selects {@link WebSocketImplementation#SPRING}. With an {@link #sslContext(SSLContext) SSL
		 * context} as well, the client must use that same context
		 * ({@code StandardWebSocketClient.setSslContext}), else {@link #build()} refuses the
		 * combination: the context would not apply to it.
		 * @param webSocketClient the client
		 * @return this builder
		 */
		public Builder webSocketClient(WebSocketClient webSocketClient) {
			this.webSocketClient = webSocketClient;
			this.webSocketImplementation = WebSocketImplementation.SPRING;
			return this;
		}

		/**
		 * The protocol revision to speak; {@link ProtocolVersion#AUTO} by default, which finds out
		 * whether the server is a Socket.IO 1.x/2.x server ({@link ProtocolVersion#V4}) or a later
		 * one ({@link ProtocolVersion#V5}).
		 * @param protocol the revision
		 * @return this builder
		 */
		public Builder protocol(ProtocolVersion protocol) {
			this.protocol = Objects.requireNonNull(protocol, "'protocol' must not be null");
			return this;
		}

		/**
		 * The client's name, the {@code client} key of its observations; {@code default} unless set.
		 * @param name the name
		 * @return this builder
		 * @since 0.2.0
		 */
		public Builder name(String name) {
			Objects.requireNonNull(name, "'name' must not be null");
			if (name.isBlank()) {
				throw new IllegalArgumentException("'name' must not be blank");
			}
			this.name = name;
			return this;
		}

		/**
		 * Observes every emit ({@code socketio.client.emit}, for an acknowledged emit until its
		 * acknowledgement or failure) and the handling of every received event
		 * ({@code socketio.client.handle}, with the handlers running inside it, so that a trace
		 * context is current in handler code). None without a registry.
		 * @param observationRegistry the registry
		 * @return this builder
		 * @since 0.2.0
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry,
					"'observationRegistry' must not be null");
			return this;
		}

		/**
		 * The names and keys of the observation {@code socketio.client.emit};
		 * {@link io.github.springsocketio.observation.DefaultSocketIoEmitObservationConvention} by default.
		 * @param convention the convention
		 * @return this builder
		 * @since 0.2.0
		 */
		public Builder emitObservationConvention(SocketIoEmitObservationConvention convention) {
			this.emitObservationConvention = Objects.requireNonNull(convention, "'convention' must not be null");
			return this;
		}

		/**
		 * The names and keys of the observation {@code socketio.client.handle};
		 * {@link io.github.springsocketio.observation.DefaultSocketIoHandleObservationConvention} by default.
		 * @param convention the convention
		 * @return this builder
		 * @since 0.2.0
		 */
		public Builder handleObservationConvention(SocketIoHandleObservationConvention convention) {
			this.handleObservationConvention = Objects.requireNonNull(convention, "'convention' must not be null");
			return this;
		}

		/**
		 * How many distinct event names the observations' {@code event} key keeps; the others are
		 * {@code other}, so that a server sending ever new names cannot make the keys unbounded.
		 * 100 by default, as the metrics' {@code event} tag.
		 * @param maxEventTags the limit, 0 or more
		 * @return this builder
		 * @since 0.2.0
		 */
		public Builder maxEventTags(int maxEventTags) {
			if (maxEventTags < 0) {
				throw new IllegalArgumentException("'maxEventTags' must not be negative, not " + maxEventTags);
			}
			this.maxEventTags = maxEventTags;
			return this;
		}

		/**
		 * Builds the client; it does not connect until {@link SocketIoClient#connect()}.
		 * @return the client
		 */
		public SocketIoClient build() {
			return new DefaultSocketIoClient(options());
		}

		private ClientOptions options() {
			return new ClientOptions(this.uri, List.copyOf(this.transports), this.upgrade,
					this.path, Map.copyOf(this.query), copyHeaders(), this.auth, this.namespaces, this.connectTimeout,
					this.ackTimeout, this.retries, this.reconnection, this.sendBufferMaxPackets,
					this.maxInboundMessageSize, this.maxPendingInboundEvents, this.inboundOverflow,
					this.sendBufferMaxBytes, this.sslContext, this.jsonMapper, this.handlerExecutor,
					List.copyOf(this.interceptors),
					(this.cookieStore != null) ? this.cookieStore : new CookieManager().getCookieStore(), this.proxy,
					(this.webSocketImplementation != null) ? this.webSocketImplementation
							: ClientOptions.defaultWebSocketImplementation(this.proxy),
					this.webSocketClient, this.protocol,
					new ObservationOptions(this.name, this.observationRegistry, this.emitObservationConvention,
							this.handleObservationConvention, this.maxEventTags));
		}

		private Map<String, List<String>> copyHeaders() {
			Map<String, List<String>> copy = new LinkedHashMap<>();
			this.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
			return copy;
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, () -> "'" + name + "' must not be null");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("'" + name + "' must be positive, not " + duration);
			}
			return duration;
		}

	}

}
