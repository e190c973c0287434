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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import io.github.springsocketio.client.engine.CloseReason;
import io.github.springsocketio.client.engine.EngineListener;
import io.github.springsocketio.client.engine.EngineSession;
import io.github.springsocketio.client.transport.Redaction;
import io.github.springsocketio.client.engine.SerialExecutor;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.Handshake;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketDecoder;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import io.github.springsocketio.client.transport.JdkWebSocketConnector;
import io.github.springsocketio.client.transport.PollingConnector;
import io.github.springsocketio.client.transport.SpringWebSocketConnector;
import io.github.springsocketio.client.transport.TransportConnector;
import io.github.springsocketio.client.transport.TransportRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.client.WebSocketClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link SocketIoClient}: one Engine.IO connection and its namespaces. Connection state is
 * changed on one serial executor; nothing here blocks that executor.
 *
 * Over 400 lines for now: the API facade and the connection state machine still share this class;
 * they are being split (issue 12), after the pieces already moved out (EngineRequests, NamespaceHost).
 */
final class DefaultSocketIoClient implements SocketIoClient, NamespaceHost {

	private static final Log logger = LogFactory.getLog(DefaultSocketIoClient.class);

	private static final Duration BLOCKING_CALL_LIMIT = Duration.ofSeconds(30);

	/** The mapper of clients given none; shared, because each mapper keeps caches of its own. */
	private static final JsonMapper DEFAULT_MAPPER = JsonMapper.builder().build();

	private static final SocketIoClientObserver NO_OBSERVER = new SocketIoClientObserver() {
	};

	private static final Duration CLOSE_HANDSHAKE_LIMIT = Duration.ofSeconds(4);

	private final ClientOptions options;

	private final String loggedUrl;

	private final SharedResources resources;

	private final SerialExecutor serial;

	private final Executor handlerExecutor;

	private final JsonMapper mapper;

	private final SocketPacketEncoder encoder;

	private final SocketPacketDecoder decoder;

	/** Null when the WebSocket transport is not in the list. */
	private final @Nullable TransportConnector webSocket;

	private final TransportConnector polling;

	private final Map<String, NamespaceSocket> sockets = new ConcurrentHashMap<>();

	private final List<IntConsumer> reconnectAttemptHandlers = new CopyOnWriteArrayList<>();

	private final List<IntConsumer> reconnectHandlers = new CopyOnWriteArrayList<>();

	private final List<Runnable> reconnectFailedHandlers = new CopyOnWriteArrayList<>();

	private final Observers observers = new Observers();

	private volatile ConnectionState state = ConnectionState.DISCONNECTED;

	private volatile @Nullable EngineSession engine;

	private volatile long maxPayload;

	private volatile boolean closed;

	/** Completes when the last transport closed at the network level. */
	private volatile CompletableFuture<Void> transportTerminated = CompletableFuture.completedFuture(null);

	private volatile CompletableFuture<Void> terminated = CompletableFuture.completedFuture(null);

	/** Waiters of connectAsync(); touched on the serial executor only. */
	private final List<CompletableFuture<Void>> connectWaiters = new ArrayList<>();

	private @Nullable ScheduledFuture<?> reconnectTimer;

	private int reconnectAttempts;

	private int handshakeAttempts;

	/** Which of the configured transports this attempt opens with (the JS tryAllTransports). */
	private int transportIndex;

	/** Why the transports tried before in this attempt could not be opened. */
	private final List<String> transportFailures = new ArrayList<>();

	DefaultSocketIoClient(ClientOptions options) {
		this.options = options;
		this.loggedUrl = Redaction.url(options.uri().toString());
		this.mapper = (options.jsonMapper() != null) ? options.jsonMapper() : DEFAULT_MAPPER;
		this.encoder = new SocketPacketEncoder(this.mapper);
		this.decoder = new SocketPacketDecoder(this.mapper, SocketPacketDecoder.DEFAULT_MAX_ATTACHMENTS);
		this.resources = SharedResources.acquire();
		try {
			this.serial = new SerialExecutor(this.resources.eventLoop);
			this.handlerExecutor = (options.handlerExecutor() != null) ? options.handlerExecutor() : this.resources.handlers;
			HttpClient httpClient = this.resources.httpClient(options.sslContext(), options.proxy());
			this.webSocket = options.transports().contains(Transport.WEBSOCKET) ? webSocketConnector(options, httpClient) : null;
			this.polling = new PollingConnector(httpClient, options.cookieStore());
		}
		catch (RuntimeException ex) {
			this.resources.release();
			throw ex;
		}
	}

	/**
	 * The connector of the chosen WebSocket stack; the SPRING stack's default client needs a
	 * JSR-356 implementation on the class path, and fails here without one.
	 */
	private TransportConnector webSocketConnector(ClientOptions options, HttpClient httpClient) {
		if (options.webSocketImplementation() == WebSocketImplementation.JDK) {
			return new JdkWebSocketConnector(httpClient, this.resources.scheduler, options.connectTimeout());
		}
		WebSocketClient client = (options.webSocketClient() != null) ? options.webSocketClient()
				: this.resources.standardWebSocketClient(options.sslContext());
		return new SpringWebSocketConnector(client, this.resources.blocking, this.resources.scheduler);
	}

	// Public API

	@Override
	public void connect() {
		ConnectWait.await(connectAsync(), "connecting to " + this.loggedUrl);
	}

	@Override
	public CompletableFuture<Void> connectAsync() {
		checkNotClosed();
		CompletableFuture<Void> result = withConnectTimeout(new CompletableFuture<>(), "/");
		this.serial.execute(() -> {
			if (this.state == ConnectionState.CONNECTED) {
				result.complete(null);
				return;
			}
			for (String namespace : this.options.namespaces()) {
				socketFor(namespace).activate();
			}
			this.connectWaiters.add(result);
			if (this.state == ConnectionState.DISCONNECTED) {
				this.state = ConnectionState.CONNECTING;
				this.terminated = new CompletableFuture<>();
				this.reconnectAttempts = 0;
				this.handshakeAttempts = 0;
				this.transportIndex = 0;
				openEngine();
			}
			else if (this.state == ConnectionState.RECONNECTING && this.reconnectTimer != null) {
				this.reconnectTimer.cancel(false);
				this.reconnectTimer = null;
				openEngine();
			}
			else {
				connectActiveSockets();
			}
		});
		return result;
	}

	@Override
	public void disconnect() {
		if (this.state == ConnectionState.CLOSED) {
			return;
		}
		runAndWait(() -> disconnectAll(new SocketIoConnectException("/", "disconnect() was called while connecting")));
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		disconnect();
		this.closed = true;
		runAndWait(() -> {
			this.state = ConnectionState.CLOSED;
			this.sockets.values().forEach(NamespaceSocket::discard);
			this.terminated.complete(null);
		});
		try {
			// Let the WebSocket closing handshake finish before the shared container may be destroyed.
			this.transportTerminated.get(CLOSE_HANDSHAKE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("The connection to " + this.loggedUrl + " did not close in time");
		}
		this.resources.release();
		logger.debug("Closed the Socket.IO client for " + this.loggedUrl);
	}

	@Override
	public void await() {
		try {
			this.terminated.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while waiting for the client to disconnect", ex);
		}
		catch (ExecutionException ex) {
			// terminated is never completed exceptionally
		}
	}

	@Override
	public boolean await(Duration timeout) {
		try {
			this.terminated.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while waiting for the client to disconnect", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	@Override
	public ConnectionState state() {
		return this.state;
	}

	@Override
	public boolean isConnected() {
		return this.state == ConnectionState.CONNECTED;
	}

	@Override
	public @Nullable Transport transport() {
		EngineSession current = this.engine;
		return (current != null && current.isOpen()) ? current.transport() : null;
	}

	@Override
	public SocketIoSocket socket(String namespace) {
		return socketFor(SocketIoClient.Builder.normalizeNamespace(namespace));
	}

	private NamespaceSocket socketFor(String namespace) {
		return this.sockets.computeIfAbsent(namespace, (key) -> new NamespaceSocket(this, key));
	}

	@Override
	public Future<?> startBackgroundTask(Runnable task) {
		FutureTask<?> future = new FutureTask<>(task, null);
		this.handlerExecutor.execute(future);
		return future;
	}

	@Override
	public void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while sleeping", ex);
		}
	}

	@Override
	public Subscription onReconnectAttempt(IntConsumer handler) {
		this.reconnectAttemptHandlers.add(handler);
		return () -> this.reconnectAttemptHandlers.remove(handler);
	}

	@Override
	public Subscription observe(SocketIoClientObserver observer) {
		return this.observers.add(observer);
	}

	@Override
	public Subscription onReconnect(IntConsumer handler) {
		this.reconnectHandlers.add(handler);
		return () -> this.reconnectHandlers.remove(handler);
	}

	@Override
	public Subscription onReconnectFailed(Runnable handler) {
		this.reconnectFailedHandlers.add(handler);
		return () -> this.reconnectFailedHandlers.remove(handler);
	}

	@Override
	public String toString() {
		return "SocketIoClient[" + this.loggedUrl + ", " + this.state + "]";
	}

	// For the namespaces

	@Override
	public ClientOptions options() {
		return this.options;
	}

	@Override
	public JsonMapper mapper() {
		return this.mapper;
	}

	@Override
	public SocketPacketEncoder encoder() {
		return this.encoder;
	}

	@Override
	public SerialExecutor serial() {
		return this.serial;
	}

	@Override
	public Executor handlerExecutor() {
		return this.handlerExecutor;
	}

	@Override
	public ScheduledExecutorService scheduler() {
		return this.resources.scheduler;
	}

	@Override
	public void checkNotClosed() {
		if (this.closed) {
			throw new NotConnectedException("The client for " + this.loggedUrl + " is closed");
		}
	}

	/**
	 * Refuses a packet that the server would refuse: any of its WebSocket messages larger than
	 * the server's {@code maxPayload}.
	 */
	@Override
	public void checkSize(EncodedPacket packet) {
		long limit = this.maxPayload;
		if (limit <= 0) {
			return;
		}
		String text = packet.text();
		long size = (text.length() * 3L + 1 <= limit) ? 0 : 1 + EngineCodec.utf8Length(text);
		for (byte[] attachment : packet.attachments()) {
			size = Math.max(size, attachment.length);
		}
		if (size > limit) {
			throw new PayloadTooLargeException("The packet is " + size + " bytes but the server accepts at most "
					+ limit + " bytes per message (its maxHttpBufferSize); it was not sent");
		}
	}

	@Override
	public boolean sendPacket(EncodedPacket packet) {
		EngineSession current = this.engine;
		if (current == null || !current.send(packet.text(), packet.attachments())) {
			return false;
		}
		if (!this.observers.isEmpty()) {
			long bytes = EngineCodec.utf8Length(packet.text());
			for (byte[] attachment : packet.attachments()) {
				bytes += attachment.length;
			}
			this.observers.bytesSent(bytes);
		}
		return true;
	}

	/**
	 * Whom to tell what the client does: a no-op while nobody observes, so that the per-event
	 * calls cost nothing then.
	 */
	@Override
	public SocketIoClientObserver observers() {
		return this.observers.isEmpty() ? NO_OBSERVER : this.observers;
	}

	@Override
	public CompletableFuture<Void> join(NamespaceSocket socket) {
		checkNotClosed();
		CompletableFuture<Void> result = withConnectTimeout(new CompletableFuture<>(), socket.namespace());
		this.serial.execute(() -> {
			if (socket.isConnected()) {
				result.complete(null);
				return;
			}
			socket.activate().whenComplete((ok, failure) -> complete(result, failure));
			if (this.state == ConnectionState.DISCONNECTED) {
				this.state = ConnectionState.CONNECTING;
				this.terminated = new CompletableFuture<>();
				openEngine();
			}
			else if (this.state == ConnectionState.CONNECTED) {
				this.state = ConnectionState.CONNECTING;
				socket.sendConnect();
			}
			else if (this.engine != null && this.engine.isOpen()) {
				socket.sendConnect();
			}
		});
		return result;
	}

	@Override
	public void namespaceConnected(NamespaceSocket socket) {
		logger.debug("Connected namespace '" + socket.namespace() + "' of " + this.loggedUrl);
		updateConnectedState();
	}

	@Override
	public void namespaceRefused(NamespaceSocket socket, SocketIoConnectException failure) {
		logger.warn("The server at " + this.loggedUrl + " refused namespace '" + socket.namespace() + "': "
				+ failure.serverMessage());
		if (!this.connectWaiters.isEmpty() && this.options.namespaces().contains(socket.namespace())) {
			// As python-socketio: connect() fails as a whole when a configured namespace is refused.
			disconnectAll(failure);
			return;
		}
		namespaceLeft(socket);
	}

	@Override
	public void namespaceLeft(NamespaceSocket socket) {
		if (this.sockets.values().stream().noneMatch(NamespaceSocket::isActive)) {
			closeEngine();
			this.state = ConnectionState.DISCONNECTED;
			failWaiters(new SocketIoConnectException(socket.namespace(), "No namespace is left to connect"));
			this.terminated.complete(null);
		}
		else {
			updateConnectedState();
		}
	}

	@Override
	public void runAndWait(Runnable task) {
		if (this.serial.inExecutor()) {
			task.run();
			return;
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.serial.execute(() -> {
			try {
				task.run();
			}
			finally {
				done.complete(null);
			}
		});
		try {
			done.get(BLOCKING_CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("The client for " + this.loggedUrl + " did not finish a state change in time", ex);
		}
	}

	// Connection state (serial executor)

	private CompletableFuture<Void> withConnectTimeout(CompletableFuture<Void> result, String namespace) {
		Duration timeout = this.options.connectTimeout();
		ScheduledFuture<?> timer = scheduler().schedule(() -> this.serial.execute(() -> {
			if (result.isDone()) {
				return;
			}
			SocketIoConnectException failure = new SocketIoConnectException(namespace, "Timed out after "
					+ timeout.toMillis() + " ms connecting to " + this.loggedUrl + " (namespace '" + namespace + "')");
			if (this.state == ConnectionState.CONNECTING
					&& this.sockets.values().stream().noneMatch(NamespaceSocket::isConnected)
					&& this.connectWaiters.stream().allMatch((waiter) -> waiter == result || waiter.isDone())) {
				this.connectWaiters.add(result);
				disconnectAll(failure);
			}
			result.completeExceptionally(failure);
		}), timeout.toMillis(), TimeUnit.MILLISECONDS);
		result.whenComplete((ok, failure) -> timer.cancel(false));
		return result;
	}

	private static void complete(CompletableFuture<Void> result, @Nullable Throwable failure) {
		if (failure == null) {
			result.complete(null);
		}
		else {
			result.completeExceptionally(failure);
		}
	}

	private void openEngine() {
		closeEngine();
		this.handshakeAttempts++;
		EngineRequests requests = EngineRequests.forAttempt(this.options, this.handshakeAttempts);
		Transport transport = this.options.transports().get(this.transportIndex);
		EngineEvents events = new EngineEvents();
		EngineSession session = new EngineSession(this.serial, scheduler(), this.mapper, events);
		events.session = session;
		this.engine = session;
		if (transport == Transport.POLLING && this.options.upgrade()
				&& this.options.transports().contains(Transport.WEBSOCKET)) {
			session.enableUpgrade(Objects.requireNonNull(this.webSocket), requests::upgrade);
		}
		TransportRequest request = requests.open(transport);
		if (logger.isDebugEnabled()) {
			logger.debug("Connecting to " + Redaction.url(request.uri().toString()) + " (attempt "
					+ this.handshakeAttempts + ")");
		}
		session.open((transport == Transport.WEBSOCKET) ? Objects.requireNonNull(this.webSocket) : this.polling, request);
	}

	private void closeEngine() {
		EngineSession current = this.engine;
		this.engine = null;
		this.maxPayload = 0;
		this.decoder.reset();
		if (current != null) {
			current.close();
			this.transportTerminated = current.terminated();
		}
	}

	private void connectActiveSockets() {
		EngineSession current = this.engine;
		if (current == null || !current.isOpen()) {
			return;
		}
		for (NamespaceSocket socket : this.sockets.values()) {
			if (socket.isActive() && !socket.isConnected()) {
				socket.sendConnect();
			}
		}
	}

	private void updateConnectedState() {
		EngineSession current = this.engine;
		if (current == null || !current.isOpen()) {
			return;
		}
		for (NamespaceSocket socket : this.sockets.values()) {
			if (socket.isActive() && !socket.isConnected()) {
				return;
			}
		}
		ConnectionState previous = this.state;
		int attempts = this.reconnectAttempts;
		this.reconnectAttempts = 0;
		this.state = ConnectionState.CONNECTED;
		if (previous == ConnectionState.RECONNECTING) {
			logger.info("Reconnected to " + this.loggedUrl + " after " + attempts + " attempt(s)");
			this.reconnectHandlers.forEach((handler) -> this.handlerExecutor.execute(() -> handler.accept(attempts)));
		}
		else if (previous != ConnectionState.CONNECTED) {
			logger.info("Connected to " + this.loggedUrl);
		}
		this.connectWaiters.forEach((waiter) -> waiter.complete(null));
		this.connectWaiters.clear();
	}

	private void failWaiters(SocketIoConnectException failure) {
		this.connectWaiters.forEach((waiter) -> waiter.completeExceptionally(failure));
		this.connectWaiters.clear();
	}

	/**
	 * Leaves every namespace and closes the connection without reconnecting.
	 * @param waiterFailure how pending connects fail, or {@code null} when they already did
	 */
	private void disconnectAll(@Nullable SocketIoConnectException waiterFailure) {
		if (this.reconnectTimer != null) {
			this.reconnectTimer.cancel(false);
			this.reconnectTimer = null;
		}
		if (this.state != ConnectionState.CLOSED) {
			this.state = ConnectionState.DISCONNECTED;
		}
		for (NamespaceSocket socket : this.sockets.values()) {
			if (socket.isActive() || socket.isConnected()) {
				socket.leave(DisconnectReason.IO_CLIENT_DISCONNECT, true);
			}
		}
		closeEngine();
		failWaiters((waiterFailure != null) ? waiterFailure
				: new SocketIoConnectException("/", "The connection to " + this.loggedUrl + " was closed"));
		this.terminated.complete(null);
	}

	private void connectionLost(CloseReason closeReason, String description, @Nullable Throwable cause) {
		EngineSession lost = this.engine;
		if (lost != null) {
			this.transportTerminated = lost.terminated();
			if (lost.handshake() == null && this.transportIndex + 1 < this.options.transports().size()
					&& (this.state == ConnectionState.CONNECTING || this.state == ConnectionState.RECONNECTING)) {
				logger.info("Cannot open " + this.options.transports().get(this.transportIndex).wireName() + " to "
						+ this.loggedUrl + " (" + description + "); trying "
						+ this.options.transports().get(this.transportIndex + 1).wireName());
				this.transportFailures.add(this.options.transports().get(this.transportIndex).wireName() + ": " + description);
				this.transportIndex++;
				this.engine = null;
				openEngine();
				return;
			}
		}
		this.engine = null;
		this.maxPayload = 0;
		this.decoder.reset();
		DisconnectReason reason = switch (closeReason) {
			case PING_TIMEOUT -> DisconnectReason.PING_TIMEOUT;
			case TRANSPORT_ERROR -> DisconnectReason.TRANSPORT_ERROR;
			case PARSE_ERROR -> DisconnectReason.PARSE_ERROR;
			default -> DisconnectReason.TRANSPORT_CLOSE;
		};
		if (!this.transportFailures.isEmpty()) {
			this.transportFailures.add(this.options.transports().get(this.transportIndex).wireName() + ": " + description);
			description = String.join("; ", this.transportFailures);
		}
		this.transportFailures.clear();
		SocketIoConnectException failure = new SocketIoConnectException("/",
				"Cannot connect to " + this.loggedUrl + ": " + description, cause);
		boolean wasConnecting = this.state == ConnectionState.CONNECTING;
		// As python-socketio's connect(retry=True): a first connect that fails is retried too.
		boolean reconnect = this.options.reconnection().enabled();
		this.state = reconnect ? ConnectionState.RECONNECTING : ConnectionState.DISCONNECTED;
		for (NamespaceSocket socket : this.sockets.values()) {
			socket.disconnected(reason);
			if (wasConnecting && socket.isActive() && !socket.connectResult().isDone()) {
				SocketIoConnectException socketFailure = new SocketIoConnectException(socket.namespace(),
						failure.getMessage(), cause);
				if (reconnect) {
					socket.connectErrorEvent(socketFailure);
				}
				else {
					socket.connectFailed(socketFailure);
				}
			}
		}
		if (wasConnecting) {
			logger.warn("Cannot connect to " + this.loggedUrl + ": " + description);
		}
		else {
			logger.warn("Lost the connection to " + this.loggedUrl + " (" + reason.wireName() + "): " + description);
		}
		if (reconnect) {
			scheduleReconnect();
		}
		else {
			failWaiters(failure);
			this.terminated.complete(null);
		}
	}

	private void scheduleReconnect() {
		Reconnection reconnection = this.options.reconnection();
		int attempt = ++this.reconnectAttempts;
		if (reconnection.attempts() >= 0 && attempt > reconnection.attempts()) {
			logger.warn("Giving up reconnecting to " + this.loggedUrl + " after " + (attempt - 1) + " attempt(s)");
			this.state = ConnectionState.DISCONNECTED;
			this.reconnectFailedHandlers.forEach(this.handlerExecutor::execute);
			for (NamespaceSocket socket : this.sockets.values()) {
				if (socket.isActive() && !socket.connectResult().isDone()) {
					socket.connectFailed(new SocketIoConnectException(socket.namespace(), "Reconnection gave up"));
				}
			}
			failWaiters(new SocketIoConnectException("/", "Reconnection to " + this.loggedUrl + " gave up"));
			this.terminated.complete(null);
			return;
		}
		this.state = ConnectionState.RECONNECTING;
		Duration delay = reconnection.delayBefore(attempt, ThreadLocalRandom.current().nextDouble());
		logger.info("Reconnecting to " + this.loggedUrl + " in " + delay.toMillis() + " ms (attempt " + attempt + ")");
		this.reconnectTimer = scheduler().schedule(() -> this.serial.execute(() -> {
			if (this.state == ConnectionState.RECONNECTING && this.reconnectTimer != null) {
				this.reconnectTimer = null;
				this.reconnectAttemptHandlers.forEach((handler) -> this.handlerExecutor.execute(() -> handler.accept(attempt)));
				this.observers.reconnectAttempt(attempt);
				this.transportIndex = 0;
				openEngine();
			}
		}), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Receives the events of the current Engine.IO session; events of older sessions are ignored.
	 */
	private final class EngineEvents implements EngineListener {

		private @Nullable EngineSession session;

		private boolean current() {
			return this.session != null && this.session == DefaultSocketIoClient.this.engine;
		}

		@Override
		public void onOpen(Handshake handshake) {
			if (!current()) {
				return;
			}
			DefaultSocketIoClient.this.maxPayload = handshake.maxPayload();
			if (DefaultSocketIoClient.this.sockets.values().stream().noneMatch(NamespaceSocket::isActive)) {
				closeEngine();
				return;
			}
			connectActiveSockets();
		}

		@Override
		public void onMessage(String text) {
			if (!DefaultSocketIoClient.this.observers.isEmpty()) {
				DefaultSocketIoClient.this.observers.bytesReceived(EngineCodec.utf8Length(text));
			}
			receive(() -> DefaultSocketIoClient.this.decoder.decode(text));
		}

		@Override
		public void onMessage(byte[] bytes) {
			if (!DefaultSocketIoClient.this.observers.isEmpty()) {
				DefaultSocketIoClient.this.observers.bytesReceived(bytes.length);
			}
			receive(() -> DefaultSocketIoClient.this.decoder.decode(bytes));
		}

		private void receive(Supplier<@Nullable SocketPacket> decode) {
			EngineSession session = this.session;
			if (session == null || !current()) {
				return;
			}
			SocketPacket packet;
			try {
				packet = decode.get();
			}
			catch (ProtocolException ex) {
				logger.warn("Closing the connection to " + DefaultSocketIoClient.this.loggedUrl + ": " + ex.getMessage());
				session.close(CloseReason.PARSE_ERROR, ex.getMessage(), ex);
				return;
			}
			if (packet == null) {
				return;
			}
			NamespaceSocket socket = DefaultSocketIoClient.this.sockets.get(packet.namespace());
			if (socket == null || (!socket.isActive() && !socket.isConnected())) {
				logger.debug("Ignoring a " + packet.type() + " packet for namespace '" + packet.namespace()
						+ "', which is not joined");
				return;
			}
			socket.receive(packet);
		}

		@Override
		public void onClose(CloseReason reason, String description, @Nullable Throwable cause) {
			if (reason == CloseReason.FORCED_CLOSE || !current()) {
				return;
			}
			connectionLost(reason, description, cause);
		}

	}

}
