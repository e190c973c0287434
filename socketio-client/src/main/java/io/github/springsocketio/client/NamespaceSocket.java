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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One namespace of a connection, which it knows as a {@link NamespaceHost}: its protocol (connect,
 * leave, events, acknowledgements both ways), its send buffer, and recovery state. Protocol state
 * is changed on the connection's serial executor only; handlers run in {@link NamespaceHandlers},
 * acknowledgements are awaited in an {@link AckRegistry}.
 *
 * Over 400 lines for now: the API facade and the serial-side protocol still share this class; they
 * are being split (issue 12), after AckRegistry, NamespaceHandlers, SendBuffer and RecoveryState.
 */
final class NamespaceSocket implements SocketIoSocket {

	private static final Log logger = LogFactory.getLog(NamespaceSocket.class);

	private static final int MAX_RECEIVE_BUFFER = 10_000;

	private final NamespaceHost host;

	private final String namespace;

	private final NamespaceHandlers handlers;

	private final AckRegistry acks;

	/** Emits waiting for the namespace to connect. */
	private final SendBuffer<Outgoing> sendBuffer;

	/** Events that arrived before the CONNECT reply; touched on the client's serial executor only. */
	private final List<SocketPacket> receiveBuffer = new ArrayList<>();

	private volatile @Nullable String id;

	private volatile boolean connected;

	private final RecoveryState recovery = new RecoveryState();

	/** Whether the namespace is meant to be joined; touched on the client's serial executor only. */
	private boolean active;

	/** Whether a CONNECT is on its way and unanswered; touched on the client's serial executor only. */
	private boolean connectSent;

	private CompletableFuture<Void> connectResult = new CompletableFuture<>();

	private final @Nullable RetryQueue retryQueue;

	NamespaceSocket(NamespaceHost host, String namespace) {
		this.host = host;
		this.namespace = namespace;
		this.handlers = new NamespaceHandlers(namespace, host);
		this.sendBuffer = new SendBuffer<>(namespace, host.options().sendBufferMaxPackets());
		int retries = host.options().retries();
		this.acks = new AckRegistry(host.scheduler());
		this.retryQueue = (retries > 0) ? new RetryQueue(host, namespace, this.acks, retries) : null;
	}

	@Override
	public String namespace() {
		return this.namespace;
	}

	@Override
	public @Nullable String id() {
		return this.id;
	}

	@Override
	public boolean isConnected() {
		return this.connected;
	}

	@Override
	public boolean recovered() {
		return this.recovery.recovered();
	}

	@Override
	public int bufferedEmits() {
		return this.sendBuffer.size();
	}

	@Override
	public void connect() {
		ConnectWait.await(connectAsync(), "connecting namespace '" + this.namespace + "'");
	}

	@Override
	public CompletableFuture<Void> connectAsync() {
		return this.host.join(this);
	}

	@Override
	public void disconnect() {
		this.host.runAndWait(() -> {
			leave(DisconnectReason.IO_CLIENT_DISCONNECT, true);
			this.host.namespaceLeft(this);
		});
	}

	@Override
	public void emit(String event, Object... args) {
		emit(event, args, null, false);
	}

	@Override
	public void emitVolatile(String event, Object... args) {
		emit(event, args, null, true);
	}

	@Override
	public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
		return emitWithAck(event, this.host.options().ackTimeout(), false, args);
	}

	/**
	 * Sends an event with an ack id.
	 * @param blockingCaller whether only a caller blocked in {@link #call} waits for the future,
	 * which may then be completed on the I/O thread without a hand-off to the handler executor
	 */
	CompletableFuture<Arguments> emitWithAck(String event, Duration timeout, boolean blockingCaller, Object... args) {
		if (this.retryQueue != null) {
			OutboundEvent outbound = prepare(event, args);
			return (outbound != null) ? retry(outbound, timeout) : vetoed(event);
		}
		EmitAck ack = new EmitAck(this.acks.nextId(), timeout, blockingCaller);
		if (!emit(event, args, ack, false)) {
			return vetoed(event);
		}
		return ack.future;
	}

	private static CompletableFuture<Arguments> vetoed(String event) {
		return CompletableFuture.failedFuture(new SocketIoException("The emit of '" + event + "' was vetoed by an interceptor"));
	}

	@Override
	public <T> @Nullable T call(String event, Class<T> type, Object... args) {
		return call(emitWithAck(event, this.host.options().ackTimeout(), true, args), type);
	}

	<T> @Nullable T call(CompletableFuture<Arguments> reply, Class<T> type) {
		try {
			Arguments arguments = reply.get();
			return arguments.isEmpty() ? null : arguments.get(0, type);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while waiting for an acknowledgement", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof SocketIoException failure) ? failure
					: new SocketIoException("The acknowledgement failed: " + ex.getCause(), ex.getCause());
		}
	}

	@Override
	public SocketIoSocket timeout(Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The ack timeout must be positive, not " + timeout);
		}
		return new TimeoutSocket(this, timeout);
	}

	@Override
	public void send(Object... args) {
		emit("message", args);
	}

	@Override
	public Subscription on(String event, EventHandler handler) {
		return this.handlers.on(event, handler);
	}

	@Override
	public <T> Subscription on(String event, Class<T> type, Consumer<@Nullable T> handler) {
		Objects.requireNonNull(type, "'type' must not be null");
		Objects.requireNonNull(handler, "'handler' must not be null");
		return on(event, (args, ack) -> handler.accept(args.isEmpty() ? null : args.get(0, type)));
	}

	@Override
	public Subscription onAny(AnyEventHandler handler) {
		return this.handlers.onAny(handler);
	}

	@Override
	public Subscription onAnyOutgoing(AnyEventHandler handler) {
		return this.handlers.onAnyOutgoing(handler);
	}

	@Override
	public Subscription onConnect(Runnable handler) {
		return this.handlers.onConnect(handler);
	}

	@Override
	public Subscription onDisconnect(Consumer<DisconnectReason> handler) {
		return this.handlers.onDisconnect(handler);
	}

	@Override
	public Subscription onConnectError(Consumer<SocketIoConnectException> handler) {
		return this.handlers.onConnectError(handler);
	}

	// Emitting (any thread)

	/**
	 * Encodes on the caller's thread, so that bad arguments fail at once, then hands the packet
	 * to the serial executor, which sends or buffers it.
	 * @return false when an interceptor vetoed the emit
	 */
	private boolean emit(String event, Object[] args, @Nullable EmitAck ack, boolean volatileEmit) {
		OutboundEvent outbound = prepare(event, args);
		if (outbound == null) {
			return false;
		}
		if (this.retryQueue != null && !volatileEmit) {
			retry(outbound, this.host.options().ackTimeout()).exceptionally((failure) -> {
				logger.warn("Giving up the emit of '" + event + "' in namespace '" + this.namespace + "': "
						+ failure.getMessage());
				return null;
			});
			return true;
		}
		EncodedPacket encoded = encode(outbound, (ack != null) ? ack.id : SocketPacket.NO_ACK);
		OutboundEvent sent = outbound;
		if (volatileEmit) {
			if (this.connected) {
				this.host.serial().executeHere(() -> sendNow(new Outgoing(encoded, sent, null)));
			}
			return true;
		}
		boolean reserved = !this.connected;
		if (reserved) {
			this.sendBuffer.reserve();
		}
		if (ack != null) {
			this.acks.expect(ack.id, ack.timeout, ack);
		}
		this.host.serial().executeHere(() -> sendOrBuffer(new Outgoing(encoded, sent, ack), reserved));
		return true;
	}

	/**
	 * Checks an emit on the caller's thread and lets the interceptors change it.
	 * @return the event to send, or {@code null} when an interceptor vetoed it
	 */
	private @Nullable OutboundEvent prepare(String event, Object[] args) {
		Objects.requireNonNull(event, "'event' must not be null");
		if (SocketPacket.RESERVED_EVENTS.contains(event)) {
			throw new IllegalArgumentException("'" + event + "' is a reserved event name and cannot be emitted");
		}
		this.host.checkNotClosed();
		OutboundEvent outbound = new OutboundEvent(this.namespace, event, Arrays.asList(args));
		for (SocketIoInterceptor interceptor : this.host.options().interceptors()) {
			outbound = interceptor.beforeSend(outbound);
			if (outbound == null) {
				logger.debug("An interceptor vetoed the emit of '" + event + "'");
				return null;
			}
		}
		return outbound;
	}

	private CompletableFuture<Arguments> retry(OutboundEvent outbound, Duration timeout) {
		encode(outbound, 0);
		return Objects.requireNonNull(this.retryQueue).add(outbound, timeout);
	}

	/**
	 * Encodes an event, refusing it when the server would.
	 */
	private EncodedPacket encode(OutboundEvent outbound, long ackId) {
		List<Object> payload = new ArrayList<>(outbound.arguments().size() + 1);
		payload.add(outbound.event());
		payload.addAll(outbound.arguments());
		EncodedPacket encoded = this.host.encoder().encode(SocketPacketType.EVENT, this.namespace, ackId, payload);
		this.host.checkSize(encoded);
		return encoded;
	}

	// Protocol state (client's serial executor)

	private void sendOrBuffer(Outgoing packet, boolean reserved) {
		if (this.connected && this.sendBuffer.isEmpty() && sendNow(packet)) {
			if (reserved) {
				this.sendBuffer.release();
			}
			return;
		}
		this.sendBuffer.add(packet, reserved);
	}

	private boolean sendNow(Outgoing packet) {
		if (!this.host.sendPacket(packet.encoded)) {
			return false;
		}
		if (packet.ack != null) {
			packet.ack.sent = true;
		}
		this.host.observers().eventSent(this.namespace, packet.event.event());
		if (this.handlers.wantOutgoing()) {
			this.handlers.sent(packet.event, new Arguments(packet.event.arguments(), this.host.mapper()));
		}
		return true;
	}

	boolean isActive() {
		return this.active;
	}

	CompletableFuture<Void> activate() {
		if (!this.active || this.connectResult.isDone()) {
			this.active = true;
			if (this.connectResult.isDone() && !this.connected) {
				this.connectResult = new CompletableFuture<>();
			}
		}
		return this.connectResult;
	}

	CompletableFuture<Void> connectResult() {
		return this.connectResult;
	}

	void sendConnect() {
		if (this.connectSent) {
			return;
		}
		this.connectSent = true;
		Map<String, ?> auth = (this.host.options().auth() != null)
				? this.host.options().auth().authFor(this.namespace) : null;
		if (auth == null) {
			auth = Collections.emptyMap();
		}
		for (SocketIoInterceptor interceptor : this.host.options().interceptors()) {
			auth = interceptor.beforeConnect(this.namespace, auth);
		}
		auth = this.recovery.offer(auth);
		EncodedPacket packet = this.host.encoder()
			.encode(SocketPacketType.CONNECT, this.namespace, SocketPacket.NO_ACK, (auth != null && !auth.isEmpty()) ? auth : null);
		this.host.sendPacket(packet);
	}

	void receive(SocketPacket packet) {
		if (packet.type() == SocketPacketType.CONNECT || packet.type() == SocketPacketType.CONNECT_ERROR) {
			this.connectSent = false;
		}
		switch (packet.type()) {
			case CONNECT -> connected(packet.data());
			case CONNECT_ERROR -> refused(packet.data());
			case DISCONNECT -> {
				if (this.connected) {
					leave(DisconnectReason.IO_SERVER_DISCONNECT, false);
					this.host.namespaceLeft(this);
				}
			}
			case EVENT -> {
				if (this.connected) {
					dispatch(packet);
				}
				else if (this.receiveBuffer.size() < MAX_RECEIVE_BUFFER) {
					this.receiveBuffer.add(packet);
				}
				else {
					logger.warn("Dropping an event for namespace '" + this.namespace + "' that is not connected");
				}
			}
			case ACK -> acknowledged(packet);
			default -> logger.debug("Ignoring a " + packet.type() + " packet for namespace '" + this.namespace + "'");
		}
	}

	private void connected(@Nullable JsonNode data) {
		JsonNode sid = (data != null) ? data.get("sid") : null;
		if (sid == null || !sid.isString()) {
			refused(new SocketIoConnectException(this.namespace,
					"The server accepted namespace '" + this.namespace + "' without a session id: it seems to be a "
							+ "Socket.IO 2.x server, which this Socket.IO v5 client cannot talk to"));
			return;
		}
		this.id = sid.stringValue();
		this.recovery.connected(data);
		this.connected = true;
		this.host.observers().connected(this.namespace);
		for (SocketPacket buffered : this.receiveBuffer) {
			dispatch(buffered);
		}
		this.receiveBuffer.clear();
		this.sendBuffer.flush((next) -> this.connected && sendNow(next));
		if (this.retryQueue != null) {
			this.retryQueue.connected();
		}
		this.host.namespaceConnected(this);
		this.handlers.connected();
		this.connectResult.complete(null);
	}

	private void refused(@Nullable JsonNode data) {
		String message;
		JsonNode details = null;
		if (data != null && data.isString()) {
			message = data.stringValue();
		}
		else if (data != null) {
			message = data.path("message").asString("");
			details = data.get("data");
		}
		else {
			message = "";
		}
		refused(new SocketIoConnectException(this.namespace, message, details));
	}

	void refused(SocketIoConnectException failure) {
		this.active = false;
		this.receiveBuffer.clear();
		this.host.namespaceRefused(this, failure);
		connectFailed(failure);
	}

	void connectFailed(SocketIoConnectException failure) {
		connectErrorEvent(failure);
		this.connectResult.completeExceptionally(failure);
	}

	/**
	 * Tells the connect-error handlers, without failing the pending connect (which a retry may
	 * still complete).
	 */
	void connectErrorEvent(SocketIoConnectException failure) {
		this.host.observers().connectFailed(this.namespace, failure);
		this.handlers.connectFailed(failure);
	}

	/**
	 * Leaves the namespace: by the application ({@code sendDisconnect}) or by the server. Whoever
	 * calls it tells the connection, which may be leaving every namespace itself.
	 */
	void leave(DisconnectReason reason, boolean sendDisconnect) {
		boolean wasConnected = this.connected;
		this.active = false;
		this.connectSent = false;
		if (sendDisconnect && wasConnected) {
			this.host.sendPacket(this.host.encoder().encode(SocketPacketType.DISCONNECT, this.namespace,
					SocketPacket.NO_ACK, null));
		}
		if (!this.connectResult.isDone()) {
			connectFailed(new SocketIoConnectException(this.namespace,
					"Namespace '" + this.namespace + "' was disconnected (" + reason.wireName() + ") before it connected"));
		}
		if (wasConnected) {
			disconnected(reason);
		}
		if (this.retryQueue != null) {
			this.retryQueue.failAll(new NotConnectedException("Namespace '" + this.namespace + "' was disconnected ("
					+ reason.wireName() + ") before the acknowledgement arrived"));
		}
	}

	/**
	 * The namespace lost its connection.
	 */
	void disconnected(DisconnectReason reason) {
		this.receiveBuffer.clear();
		this.connectSent = false;
		if (!this.connected) {
			return;
		}
		this.connected = false;
		this.id = null;
		this.host.observers().disconnected(this.namespace, reason);
		if (this.retryQueue != null) {
			this.retryQueue.disconnected();
		}
		this.acks.connectionLost(reason);
		this.handlers.disconnected(reason);
	}

	/**
	 * The client closed for good: nothing buffered will be sent.
	 */
	void discard() {
		int dropped = this.sendBuffer.clear();
		if (dropped > 0) {
			logger.warn(dropped + " emit(s) buffered in namespace '" + this.namespace
					+ "' were not sent: the client was closed before it connected");
		}
		if (this.retryQueue != null) {
			this.retryQueue.failAll(new NotConnectedException("The client was closed before the acknowledgement arrived"));
		}
		this.acks.failAll(new NotConnectedException("The client was closed before the acknowledgement arrived"));
	}

	private void acknowledged(SocketPacket packet) {
		if (!this.acks.acknowledged(packet.ackId(), new Arguments(elements(packet.data(), 0), this.host.mapper()))) {
			logger.debug("Ignoring an acknowledgement with unknown id " + packet.ackId() + " in namespace '"
					+ this.namespace + "'");
		}
	}

	/**
	 * Drops the packet of an emit whose acknowledgement timed out before it could be sent.
	 */
	private void dropBuffered(EmitAck ack) {
		this.sendBuffer.remove((waiting) -> waiting.ack == ack);
	}

	// Inbound events

	private void dispatch(SocketPacket packet) {
		JsonNode data = Objects.requireNonNull(packet.data());
		JsonNode name = data.get(0);
		String event = name.isString() ? name.stringValue() : name.asString();
		this.host.observers().eventReceived(this.namespace, event);
		List<JsonNode> values = elements(data, 1);
		this.recovery.received(values, packet.hasAckId());
		if (!this.handlers.wants(event)) {
			logger.debug("No handler for event '" + event + "' in namespace '" + this.namespace + "'");
			return;
		}
		Arguments arguments = new Arguments(values, this.host.mapper());
		Ack ack = packet.hasAckId() ? new ServerAck(packet.ackId()) : Ack.NONE;
		InboundEvent inbound = new InboundEvent(this.namespace, event, arguments);
		this.handlers.received(inbound, ack);
	}

	private static List<JsonNode> elements(@Nullable JsonNode array, int from) {
		if (array == null || array.size() <= from) {
			return List.of();
		}
		List<JsonNode> list = new ArrayList<>(array.size() - from);
		for (int i = from; i < array.size(); i++) {
			list.add(array.get(i));
		}
		return list;
	}

	private record Outgoing(EncodedPacket encoded, OutboundEvent event, @Nullable EmitAck ack) {

	}

	/**
	 * The acknowledgement of an emit: completes its future, on the handler executor unless only a
	 * blocked {@link #call} waits for it.
	 */
	private final class EmitAck implements AckRegistry.Waiter {

		final long id;

		final Duration timeout;

		final boolean blockingCaller;

		final CompletableFuture<Arguments> future = new CompletableFuture<>();

		final long started = System.nanoTime();

		volatile boolean sent;

		EmitAck(long id, Duration timeout, boolean blockingCaller) {
			this.id = id;
			this.timeout = timeout;
			this.blockingCaller = blockingCaller;
		}

		@Override
		public void acknowledged(Arguments arguments) {
			NamespaceSocket.this.host.observers()
				.acknowledged(NamespaceSocket.this.namespace, System.nanoTime() - this.started, false);
			if (this.blockingCaller) {
				this.future.complete(arguments);
			}
			else {
				NamespaceSocket.this.host.handlerExecutor().execute(() -> this.future.complete(arguments));
			}
		}

		@Override
		public void timedOut() {
			NamespaceSocket.this.host.serial().execute(() -> dropBuffered(this));
			NamespaceSocket.this.host.observers()
				.acknowledged(NamespaceSocket.this.namespace, System.nanoTime() - this.started, true);
			failed(new AckTimeoutException("operation has timed out: no acknowledgement within "
					+ this.timeout.toMillis() + " ms in namespace '" + NamespaceSocket.this.namespace + "'"));
		}

		@Override
		public boolean stopsWaitingOnConnectionLoss() {
			// One still in the send buffer goes out once connected again.
			return this.sent;
		}

		@Override
		public void connectionLost(DisconnectReason reason) {
			failed(new NotConnectedException("socket has been disconnected (" + reason.wireName()
					+ ") before the acknowledgement arrived"));
		}

		@Override
		public void failed(SocketIoException failure) {
			NamespaceSocket.this.host.handlerExecutor().execute(() -> this.future.completeExceptionally(failure));
		}

	}

	/**
	 * The acknowledgement of a server event: sent once, later calls ignored.
	 */
	private final class ServerAck implements Ack {

		private final long ackId;

		private final AtomicBoolean sent = new AtomicBoolean();

		ServerAck(long ackId) {
			this.ackId = ackId;
		}

		@Override
		public boolean requested() {
			return true;
		}

		@Override
		public void send(Object... args) {
			if (!this.sent.compareAndSet(false, true)) {
				logger.debug("Ignoring a second acknowledgement of ack id " + this.ackId);
				return;
			}
			EncodedPacket packet = NamespaceSocket.this.host.encoder()
				.encode(SocketPacketType.ACK, NamespaceSocket.this.namespace, this.ackId, Arrays.asList(args));
			NamespaceSocket.this.host.checkSize(packet);
			NamespaceSocket.this.host.serial().executeHere(() -> {
				if (NamespaceSocket.this.connected) {
					NamespaceSocket.this.host.sendPacket(packet);
				}
			});
		}

	}

}
