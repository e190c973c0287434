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
package io.github.springsocketio.client.connection;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.springsocketio.client.ConnectionState;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.NotConnectedException;
import io.github.springsocketio.client.ProtocolVersion;
import io.github.springsocketio.client.Reconnection;
import io.github.springsocketio.client.Redaction;
import io.github.springsocketio.client.SocketIoClientObserver;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.engine.CloseReason;
import io.github.springsocketio.client.engine.EngineSession;
import io.github.springsocketio.client.namespace.EventObservations;
import io.github.springsocketio.client.namespace.Namespace;
import io.github.springsocketio.client.namespace.NamespaceHost;
import io.github.springsocketio.client.namespace.NamespaceOptions;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.Handshake;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import io.github.springsocketio.client.protocol.SocketPacketType;
import io.github.springsocketio.client.protocol.SocketProtocol;
import io.github.springsocketio.client.transport.Failures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Engine.IO connection and its namespaces: the state machine of connecting, transport
 * fallback, reconnecting and leaving, which the namespaces know as their {@link NamespaceHost}.
 * State is changed on one serial executor; nothing here blocks that executor.
 *
 * Over 400 lines: the transitions of one state (connect, join, the namespaces' reports, the
 * session's open and close, loss, reconnection, leave) are kept side by side so that they can be
 * checked together; what has a job of its own is out: {@link CurrentEngine}, {@link Namespaces},
 * {@link TransportFallback}, {@link ReconnectSchedule}, {@link ConnectWaiters}, {@link EngineEvents},
 * {@link EngineOpener}, {@link ProtocolRevisions}, {@link TransportRegistry} and {@link OutboundBudget}.
 * The next split would take the connect attempt's timer out with the attempt's start.
 */
final class Connection implements NamespaceHost {

	private static final Log logger = LogFactory.getLog(Connection.class);

	private static final Duration BLOCKING_CALL_LIMIT = Duration.ofSeconds(30);

	/** The mapper of clients given none; shared, because each mapper keeps caches of its own. */
	private static final JsonMapper DEFAULT_MAPPER = JsonMapper.builder().build();

	private static final SocketIoClientObserver NO_OBSERVER = new SocketIoClientObserver() {
	};

	private static final Duration CLOSE_HANDSHAKE_LIMIT = Duration.ofSeconds(4);

	private final ClientOptions options;

	private final NamespaceOptions namespaceOptions;

	private final String loggedUrl;

	private final SharedResources resources;

	private final TransportRegistry transports;

	private final SerialExecutor serial;

	private final Executor handlerExecutor;

	private final JsonMapper mapper;

	private final SocketPacketEncoder encoder;

	private final EngineOpener opener;

	private final Namespaces namespaces = new Namespaces(this);

	private final Observers observers = new Observers();

	private final ReconnectHandlers reconnectHandlers;

	private final TransportFallback fallback;

	private final ProtocolRevisions revisions;

	private volatile ConnectionState state = ConnectionState.DISCONNECTED;

	private final CurrentEngine engine = new CurrentEngine();

	private final OutboundBudget outbound;

	private volatile boolean closed;

	private final AtomicBoolean closing = new AtomicBoolean();

	private volatile CompletableFuture<Void> terminated = CompletableFuture.completedFuture(null);

	private final ConnectWaiters connectWaiters = new ConnectWaiters();

	private final ReconnectSchedule reconnects;

	/** Touched on the serial executor only. */
	private int handshakeAttempts;

	/** Ends the current connect attempt at the connect timeout; serial executor only. */
	private @Nullable ScheduledFuture<?> attemptTimer;

	Connection(ClientOptions options) {
		this.options = options;
		this.namespaceOptions = new NamespaceOptions(options.ackTimeout(), options.retries(),
				options.sendBufferMaxPackets(), options.maxPendingInboundEvents(), options.inboundOverflow(),
				options.auth(), options.query(), options.interceptors(), observations(options.observation()));
		this.loggedUrl = Redaction.url(options.uri().toString());
		this.mapper = (options.jsonMapper() != null) ? options.jsonMapper() : DEFAULT_MAPPER;
		this.encoder = new SocketPacketEncoder(this.mapper);
		this.outbound = new OutboundBudget(options.sendBufferMaxBytes(), this.engine::queuedBytes);
		this.fallback = new TransportFallback(options.transports());
		this.revisions = new ProtocolRevisions(options.protocol());
		this.resources = SharedResources.acquire();
		try {
			this.serial = new SerialExecutor(this.resources.eventLoop);
			this.handlerExecutor = (options.handlerExecutor() != null) ? options.handlerExecutor() : this.resources.handlers;
			this.reconnectHandlers = new ReconnectHandlers(this.handlerExecutor);
			this.reconnects = new ReconnectSchedule(options.reconnection(), this.resources.scheduler, this.serial,
					this.loggedUrl);
			this.transports = new TransportRegistry(options, this.resources);
			this.opener = new EngineOpener(options, this.transports, this.serial, this.resources.scheduler, this.mapper,
					this.encoder);
		}
		catch (RuntimeException ex) {
			this.resources.release();
			throw ex;
		}
	}

	// For the client facade (any thread)

	String loggedUrl() {
		return this.loggedUrl;
	}

	ConnectionState state() {
		return this.state;
	}

	@Nullable Transport transport() {
		return this.engine.transport();
	}

	@Nullable ProtocolVersion protocolVersion() {
		return this.revisions.opened();
	}

	CompletableFuture<Void> terminated() {
		return this.terminated;
	}

	Observers observerList() {
		return this.observers;
	}

	ReconnectHandlers reconnectHandlers() {
		return this.reconnectHandlers;
	}

	Namespace namespace(String name) {
		return this.namespaces.get(name);
	}

	CompletableFuture<Void> connect() {
		checkNotClosed();
		CompletableFuture<Void> result = withConnectTimeout(new CompletableFuture<>(), "/");
		this.serial.execute(() -> {
			if (this.state == ConnectionState.CONNECTED) {
				result.complete(null);
				return;
			}
			for (String name : this.options.namespaces()) {
				namespace(name).activate();
			}
			this.connectWaiters.add(result);
			if (this.state == ConnectionState.DISCONNECTED) {
				this.state = ConnectionState.CONNECTING;
				this.terminated = new CompletableFuture<>();
				this.reconnects.reset();
				this.handshakeAttempts = 0;
				this.fallback.restart();
				openEngine();
			}
			else if (this.state == ConnectionState.RECONNECTING && this.reconnects.cancel()) {
				openEngine();
			}
			else {
				connectActiveNamespaces();
			}
		});
		return result;
	}

	void disconnect() {
		if (this.state == ConnectionState.CLOSED) {
			return;
		}
		runAndWait(() -> disconnectAll(new SocketIoConnectException("/", "disconnect() was called while connecting")));
	}

	/**
	 * Closes for good, once however many threads call it at the same time: the shared threads
	 * are released once.
	 */
	void close() {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		disconnect();
		this.closed = true;
		runAndWait(() -> {
			this.state = ConnectionState.CLOSED;
			this.namespaces.discardAll();
			this.terminated.complete(null);
		});
		// Let the WebSocket closing handshake finish before the shared container may be destroyed.
		if (!this.engine.awaitTerminated(CLOSE_HANDSHAKE_LIMIT)) {
			logger.debug("The connection to " + this.loggedUrl + " did not close in time");
		}
		this.transports.release();
		this.resources.release();
		logger.debug("Closed the Socket.IO client for " + this.loggedUrl);
	}

	// For the namespaces

	@Override
	public NamespaceOptions options() {
		return this.namespaceOptions;
	}

	@Override
	public SocketProtocol protocol() {
		return this.revisions.current().socket();
	}

	@Override
	public boolean serverConnectedDefaultNamespace() {
		return this.engine.serverConnectedDefaultNamespace();
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
	public String engineSessionId() {
		return this.engine.sessionId();
	}

	@Override
	public void checkNotClosed() {
		if (this.closed) {
			throw new NotConnectedException("The client for " + this.loggedUrl + " is closed");
		}
	}

	@Override
	public void checkSize(EncodedPacket packet) {
		this.engine.checkSize(packet);
	}

	@Override
	public boolean sendPacket(EncodedPacket packet) {
		if (!this.engine.send(packet)) {
			return false;
		}
		if (observed()) {
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
		return observed() ? this.observers : NO_OBSERVER;
	}

	boolean observed() {
		return !this.observers.isEmpty();
	}

	@Override
	public CompletableFuture<Void> join(Namespace namespace) {
		checkNotClosed();
		CompletableFuture<Void> result = withConnectTimeout(new CompletableFuture<>(), namespace.name());
		this.serial.execute(() -> {
			if (namespace.isConnected()) {
				result.complete(null);
				return;
			}
			namespace.activate().whenComplete((ok, failure) -> complete(result, failure));
			if (this.state == ConnectionState.DISCONNECTED) {
				this.state = ConnectionState.CONNECTING;
				this.terminated = new CompletableFuture<>();
				openEngine();
			}
			else if (this.state == ConnectionState.CONNECTED) {
				this.state = ConnectionState.CONNECTING;
				namespace.sendConnect();
			}
			else if (this.engine.isOpen()) {
				namespace.sendConnect();
			}
		});
		return result;
	}

	@Override
	public boolean switchToOlderProtocol() {
		return switchToOlderRevision("answered a CONNECT without a session id");
	}

	@Override
	public void namespaceConnected(Namespace namespace) {
		logger.debug("Connected namespace '" + namespace.name() + "' of " + this.loggedUrl);
		updateConnectedState();
	}

	@Override
	public void namespaceRefused(Namespace namespace, SocketIoConnectException failure) {
		logger.warn("The server at " + this.loggedUrl + " refused namespace '" + namespace.name() + "': "
				+ failure.serverMessage());
		if (!this.connectWaiters.isEmpty() && this.options.namespaces().contains(namespace.name())) {
			// As python-socketio: connect() fails as a whole when a configured namespace is refused.
			disconnectAll(failure);
			return;
		}
		namespaceLeft(namespace);
	}

	@Override
	public void namespaceLeft(Namespace namespace) {
		if (!this.namespaces.anyActive()) {
			closeEngine();
			this.state = ConnectionState.DISCONNECTED;
			this.connectWaiters.failAll(new SocketIoConnectException(namespace.name(), "No namespace is left to connect"));
			this.terminated.complete(null);
		}
		else {
			updateConnectedState();
		}
	}

	@Override
	public void reserveOutbound(long size) {
		this.outbound.reserve(size);
	}

	@Override
	public void releaseOutbound(long size) {
		this.outbound.release(size);
	}

	@Override
	public void connectAttemptFailed(Namespace namespace, RuntimeException failure) {
		String description = "preparing the CONNECT of namespace '" + namespace.name() + "' failed: "
				+ callbackFailure(failure);
		this.observers.connectFailed(namespace.name(),
				new SocketIoConnectException(namespace.name(), description, failure));
		this.engine.failAttempt(description, failure);
	}

	@Override
	public void pauseReading() {
		this.engine.pauseReading(true);
	}

	@Override
	public void resumeReading() {
		this.serial.execute(() -> {
			if (!this.namespaces.anyPausesReading()) {
				this.engine.pauseReading(false);
			}
		});
	}

	@Override
	public void runAndWait(Runnable task) {
		if (!this.serial.runAndWait(task, BLOCKING_CALL_LIMIT) && !Thread.currentThread().isInterrupted()) {
			logger.warn("The client for " + this.loggedUrl + " did not finish a state change in time");
		}
	}

	// For the current Engine.IO session's events (serial executor)

	boolean isCurrent(EngineSession session) {
		return this.engine.is(session);
	}

	void engineOpened(Handshake handshake) {
		this.engine.opened(handshake);
		this.revisions.sessionOpened();
		if (!this.namespaces.anyActive()) {
			closeEngine();
			return;
		}
		connectActiveNamespaces();
	}

	void route(SocketPacket packet) {
		if (packet.type() == SocketPacketType.CONNECT && "/".equals(packet.namespace())
				&& protocol().connectsDefaultNamespaceItself()) {
			this.engine.defaultNamespaceConnectedByServer();
		}
		Namespace namespace = this.namespaces.joined(packet.namespace());
		if (namespace == null) {
			logger.debug("Ignoring a " + packet.type() + " packet for namespace '" + packet.namespace()
					+ "', which is not joined");
			return;
		}
		namespace.receive(packet);
	}

	void engineClosed(CloseReason closeReason, String description, @Nullable Throwable cause) {
		EngineSession lost = Objects.requireNonNull(this.engine.lost());
		if (ProtocolRevisions.showsOlderServer(cause) && switchToOlderRevision("answered with Engine.IO 3")) {
			return;
		}
		if (lost.handshake() == null && this.fallback.hasNext()
				&& (this.state == ConnectionState.CONNECTING || this.state == ConnectionState.RECONNECTING)) {
			Transport failed = this.fallback.current();
			Transport next = this.fallback.next(description);
			logger.info("Cannot open " + failed.wireName() + " to " + this.loggedUrl + " (" + description + "); trying "
					+ next.wireName());
			openEngine();
			return;
		}
		connectionLost(closeReason, this.revisions.explain(this.fallback.failed(description), cause), cause);
	}

	/**
	 * Switches to protocol 4 when the server showed that it speaks it and the client may, and
	 * connects again at once; not once a namespace connected on protocol 5.
	 * @param evidence what the server did
	 * @return whether the client switched
	 */
	private boolean switchToOlderRevision(String evidence) {
		if (this.namespaces.anyConnected() || !this.revisions.switchToOlder()) {
			return false;
		}
		logger.info("The server at " + this.loggedUrl + " " + evidence + ": it is a Socket.IO 1.x/2.x server; "
				+ "speaking Socket.IO protocol 4 (Engine.IO 3) with it from now on");
		closeEngine();
		this.namespaces.connectionLost(DisconnectReason.TRANSPORT_CLOSE, null, true);
		this.fallback.restart();
		openEngine();
		return true;
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
					&& !this.namespaces.anyConnected()
					&& this.connectWaiters.onlyOneWaiting(result)) {
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

	/**
	 * Starts a connect attempt, bounded by the connect timeout whatever the server or a proxy does.
	 * An auth provider or interceptor that throws while the handshake is prepared fails the
	 * attempt, as an unreachable server would.
	 */
	private void openEngine() {
		cancelAttemptTimer();
		closeEngine();
		this.handshakeAttempts++;
		try {
			this.opener.open(this, this.engine, this.revisions.current(), this.fallback.current(),
					this.handshakeAttempts);
		}
		catch (RuntimeException ex) {
			closeEngine();
			connectionLost(CloseReason.TRANSPORT_ERROR, "preparing the handshake failed: " + callbackFailure(ex),
					ex);
			return;
		}
		EngineSession attempt = this.engine.session();
		long timeout = this.options.connectTimeout().toMillis();
		this.attemptTimer = scheduler().schedule(() -> this.serial.execute(() -> attemptTimedOut(attempt, timeout)),
				timeout, TimeUnit.MILLISECONDS);
	}

	/**
	 * The attempt ended: its timer goes, and with it the session it holds.
	 */
	private void cancelAttemptTimer() {
		ScheduledFuture<?> timer = this.attemptTimer;
		if (timer != null) {
			timer.cancel(false);
			this.attemptTimer = null;
		}
	}

	/**
	 * Names what an auth provider or interceptor threw, without its message, which may hold
	 * what it was computing (the exception is the cause).
	 */
	private static String callbackFailure(RuntimeException failure) {
		return "the auth provider or an interceptor threw " + failure.getClass().getName();
	}

	/**
	 * A connect of the application bounds its attempt itself (the connect's timeout); a reconnect
	 * attempt, or a connect without a waiting caller, ends here.
	 */
	private void attemptTimedOut(@Nullable EngineSession attempt, long timeout) {
		boolean unbounded = this.state == ConnectionState.RECONNECTING
				|| (this.state == ConnectionState.CONNECTING && this.connectWaiters.isEmpty());
		if (attempt != null && unbounded && this.engine.is(attempt)) {
			this.engine.failAttempt("Timed out after " + timeout + " ms (connect-timeout)", null);
		}
	}

	private void closeEngine() {
		this.engine.close();
	}

	private void connectActiveNamespaces() {
		if (this.engine.isOpen()) {
			this.namespaces.connectActive();
		}
	}

	private void updateConnectedState() {
		if (!this.engine.isOpen() || !this.namespaces.allActiveConnected()) {
			return;
		}
		cancelAttemptTimer();
		ConnectionState previous = this.state;
		int attempts = this.reconnects.reset();
		this.state = ConnectionState.CONNECTED;
		if (previous == ConnectionState.RECONNECTING) {
			logger.info("Reconnected to " + this.loggedUrl + " after " + attempts + " attempt(s)");
			this.reconnectHandlers.reconnected(attempts);
		}
		else if (previous != ConnectionState.CONNECTED) {
			logger.info("Connected to " + this.loggedUrl);
		}
		this.connectWaiters.completeAll();
	}

	/**
	 * Leaves every namespace and closes the connection without reconnecting.
	 * @param waiterFailure how pending connects fail
	 */
	private void disconnectAll(SocketIoConnectException waiterFailure) {
		cancelAttemptTimer();
		this.reconnects.cancel();
		this.fallback.restart();
		if (this.state != ConnectionState.CLOSED) {
			this.state = ConnectionState.DISCONNECTED;
		}
		this.namespaces.leaveAll();
		closeEngine();
		this.connectWaiters.failAll(waiterFailure);
		this.terminated.complete(null);
	}

	private void connectionLost(CloseReason closeReason, String description, @Nullable Throwable cause) {
		cancelAttemptTimer();
		DisconnectReason reason = switch (closeReason) {
			case PING_TIMEOUT -> DisconnectReason.PING_TIMEOUT;
			case TRANSPORT_ERROR -> DisconnectReason.TRANSPORT_ERROR;
			case PARSE_ERROR -> DisconnectReason.PARSE_ERROR;
			default -> DisconnectReason.TRANSPORT_CLOSE;
		};
		SocketIoConnectException failure = new SocketIoConnectException("/",
				"Cannot connect to " + this.loggedUrl + ": " + description, (cause != null) ? Failures.redacted(cause) : null);
		boolean wasConnecting = this.state == ConnectionState.CONNECTING;
		// As python-socketio's connect(retry=True): a first connect that fails is retried too.
		boolean reconnect = this.options.reconnection().enabled();
		this.state = reconnect ? ConnectionState.RECONNECTING : ConnectionState.DISCONNECTED;
		this.namespaces.connectionLost(reason, wasConnecting ? failure : null, reconnect);
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
			this.connectWaiters.failAll(failure);
			this.terminated.complete(null);
		}
	}

	private void scheduleReconnect() {
		if (this.reconnects.scheduleNext(this::reconnect)) {
			this.state = ConnectionState.RECONNECTING;
			return;
		}
		this.state = ConnectionState.DISCONNECTED;
		this.reconnectHandlers.failed();
		this.namespaces.failPendingConnects("Reconnection gave up");
		this.connectWaiters.failAll(new SocketIoConnectException("/", "Reconnection to " + this.loggedUrl + " gave up"));
		this.terminated.complete(null);
	}

	private void reconnect(int attempt) {
		if (this.state == ConnectionState.RECONNECTING) {
			this.reconnectHandlers.attempt(attempt);
			this.observers.reconnectAttempt(attempt);
			this.fallback.restart();
			openEngine();
		}
	}

	private static @Nullable EventObservations observations(ObservationOptions options) {
		return (options.registry() != null) ? new EventObservations(options.clientName(), options.registry(),
				options.emitConvention(), options.handleConvention(), options.maxEventTags()) : null;
	}

}
