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
package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.InboundEvent;
import io.github.springsocketio.client.NotConnectedException;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.client.SocketIoSocket;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketType;
import io.github.springsocketio.client.protocol.SocketProtocol;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One namespace of a connection, which it knows as a {@link NamespaceHost}: its protocol (connect,
 * leave, events, acknowledgements both ways), its send buffer and recovery state. Protocol state is
 * changed on the connection's serial executor only. Applications use it through its
 * {@link #socket()}; handlers run in {@link NamespaceHandlers}, acknowledgements are awaited in an
 * {@link AckRegistry}.
 *
 * Over 400 lines: connect, refusal, leave and the packets of one namespace change one state and
 * are kept side by side; what has a job of its own is out: {@link NamespaceEmitter},
 * {@link NamespaceOutbox}, {@link NamespaceHandlers} (with the inbound backlog and the unreceived
 * events), {@link AckRegistry} and {@link RecoveryState}.
 */
public final class Namespace {

	private static final Log logger = LogFactory.getLog(Namespace.class);

	private static final int MAX_RECEIVE_BUFFER = 10_000;

	private final NamespaceHost host;

	private final String name;

	private final NamespaceHandlers handlers;

	private final AckRegistry acks;

	private final @Nullable RetryQueue retryQueue;

	private final NamespaceOutbox outbox;

	/** Events that arrived before the CONNECT reply. */
	private final List<SocketPacket> receiveBuffer = new ArrayList<>();

	private final RecoveryState recovery = new RecoveryState();

	private final NamespaceSocket socket;

	private volatile @Nullable String id;

	/** Whether the namespace is meant to be joined. */
	private boolean active;

	/** Whether a CONNECT is on its way and unanswered. */
	private boolean connectSent;

	private CompletableFuture<Void> connectResult = new CompletableFuture<>();

	/**
	 * Creates a namespace, not yet active.
	 * @param host the connection
	 * @param name the namespace, starting with {@code /}
	 */
	public Namespace(NamespaceHost host, String name) {
		this.host = host;
		this.name = name;
		NamespaceOptions options = host.options();
		this.handlers = new NamespaceHandlers(name, host);
		this.outbox = new NamespaceOutbox(host, name, this.handlers);
		this.acks = new AckRegistry(host.scheduler(), host.handlerExecutor());
		this.retryQueue = (options.retries() > 0) ? new RetryQueue(host, name, this.acks, options.retries()) : null;
		NamespaceEmitter emitter = new NamespaceEmitter(host, name, this.acks, this.retryQueue, this.outbox);
		this.socket = new NamespaceSocket(host, this, emitter, options.ackTimeout());
	}

	/**
	 * The namespace's name.
	 * @return the name, starting with {@code /}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * What applications use; any thread.
	 * @return the socket of this namespace
	 */
	public SocketIoSocket socket() {
		return this.socket;
	}

	/**
	 * Whether the namespace is connected; any thread.
	 * @return whether connected
	 */
	public boolean isConnected() {
		return this.outbox.isOpen();
	}

	/**
	 * Takes the oldest event that no handler took, waiting at most {@code timeout}.
	 */
	Optional<InboundEvent> nextUnhandled(Duration timeout) {
		return this.handlers.receive(timeout);
	}

	/**
	 * Whether the events waiting for this namespace's handlers keep the connection from reading;
	 * any thread.
	 * @return whether its handlers are too far behind
	 */
	public boolean pausesReading() {
		return this.handlers.pausesReading();
	}

	/**
	 * Whether the namespace is meant to be joined.
	 * @return whether active
	 */
	public boolean isActive() {
		return this.active;
	}

	/**
	 * Marks the namespace as meant to be joined.
	 * @return completes when it is connected, or fails with why not
	 */
	public CompletableFuture<Void> activate() {
		if (!this.active || this.connectResult.isDone()) {
			this.active = true;
			if (this.connectResult.isDone() && !isConnected()) {
				this.connectResult = new CompletableFuture<>();
			}
		}
		return this.connectResult;
	}

	/**
	 * The outcome of the latest connect.
	 * @return completes when connected
	 */
	public CompletableFuture<Void> connectResult() {
		return this.connectResult;
	}

	@Nullable String id() {
		return this.id;
	}

	boolean recovered() {
		return this.recovery.recovered();
	}

	int bufferedEmits() {
		return this.outbox.waiting();
	}

	NamespaceHandlers handlers() {
		return this.handlers;
	}

	/**
	 * Sends the CONNECT packet, with the auth payload the interceptors made, unless one is unanswered.
	 */
	public void sendConnect() {
		if (this.connectSent) {
			return;
		}
		this.connectSent = true;
		SocketProtocol protocol = this.host.protocol();
		if (isConnectedByServer(protocol)) {
			// The server's CONNECT arrives by itself, or came before this namespace was joined.
			if (this.host.serverConnectedDefaultNamespace()) {
				this.connectSent = false;
				connected(null);
			}
			return;
		}
		Map<String, ?> auth;
		try {
			auth = connectAuth();
		}
		catch (RuntimeException ex) {
			this.connectSent = false;
			this.host.connectAttemptFailed(this, ex);
			return;
		}
		if (!this.host.sendPacket(protocol.connect(this.host.encoder(), this.name, auth, this.host.options().query()))) {
			this.connectSent = false;
		}
	}

	private boolean isConnectedByServer(SocketProtocol protocol) {
		return "/".equals(this.name) && protocol.connectsDefaultNamespaceItself();
	}

	/**
	 * The auth payload of a connect of this namespace, as the auth provider and the interceptors
	 * made it, with what connection state recovery offers.
	 * @return the payload, empty for none
	 */
	public Map<String, ?> connectAuth() {
		NamespaceOptions options = this.host.options();
		Map<String, ?> auth = (options.auth() != null) ? options.auth().authFor(this.name) : null;
		if (auth == null) {
			auth = Collections.emptyMap();
		}
		for (SocketIoInterceptor interceptor : options.interceptors()) {
			auth = interceptor.beforeConnect(this.name, auth);
		}
		auth = this.recovery.offer(auth);
		return (auth != null) ? auth : Map.of();
	}

	/**
	 * Handles a packet of this namespace from the server.
	 * @param packet the packet
	 */
	public void receive(SocketPacket packet) {
		if (packet.type() == SocketPacketType.CONNECT || packet.type() == SocketPacketType.CONNECT_ERROR) {
			this.connectSent = false;
		}
		switch (packet.type()) {
			case CONNECT -> connected(packet.data());
			case CONNECT_ERROR -> refused(packet.data());
			case DISCONNECT -> {
				if (isConnected()) {
					leave(DisconnectReason.IO_SERVER_DISCONNECT, false);
					this.host.namespaceLeft(this);
				}
			}
			case EVENT -> {
				if (isConnected()) {
					dispatch(packet);
				}
				else if (this.receiveBuffer.size() < MAX_RECEIVE_BUFFER) {
					this.receiveBuffer.add(packet);
				}
				else {
					logger.warn("Dropping an event for namespace '" + this.name + "' that is not connected");
				}
			}
			case ACK -> acknowledged(packet);
			default -> logger.debug("Ignoring a " + packet.type() + " packet for namespace '" + this.name + "'");
		}
	}

	/**
	 * Fails the pending connect, and tells the connect-error handlers.
	 * @param failure why
	 */
	public void connectFailed(SocketIoConnectException failure) {
		connectErrorEvent(failure);
		this.connectResult.completeExceptionally(failure);
	}

	/**
	 * Tells the connect-error handlers, without failing the pending connect (which a retry may
	 * still complete).
	 * @param failure why
	 */
	public void connectErrorEvent(SocketIoConnectException failure) {
		this.host.observers().connectFailed(this.name, failure);
		this.handlers.connectFailed(failure);
	}

	/**
	 * Leaves the namespace: by the application ({@code sendDisconnect}) or by the server. Whoever
	 * calls it tells the connection, which may be leaving every namespace itself.
	 * @param reason why
	 * @param sendDisconnect whether to tell the server
	 */
	public void leave(DisconnectReason reason, boolean sendDisconnect) {
		boolean wasConnected = isConnected();
		this.active = false;
		this.connectSent = false;
		if (sendDisconnect && wasConnected && !isConnectedByServer(this.host.protocol())) {
			this.host.sendPacket(this.host.encoder().encode(SocketPacketType.DISCONNECT, this.name,
					SocketPacket.NO_ACK, null));
		}
		if (!this.connectResult.isDone()) {
			connectFailed(new SocketIoConnectException(this.name,
					"Namespace '" + this.name + "' was disconnected (" + reason.wireName() + ") before it connected"));
		}
		if (wasConnected) {
			disconnected(reason);
		}
		if (this.retryQueue != null) {
			this.retryQueue.failAll(new NotConnectedException("Namespace '" + this.name + "' was disconnected ("
					+ reason.wireName() + ") before the acknowledgement arrived"));
		}
	}

	/**
	 * The namespace lost its connection.
	 * @param reason why
	 */
	public void disconnected(DisconnectReason reason) {
		this.receiveBuffer.clear();
		this.connectSent = false;
		if (!isConnected()) {
			return;
		}
		this.outbox.close();
		this.id = null;
		this.host.observers().disconnected(this.name, reason);
		if (this.retryQueue != null) {
			this.retryQueue.disconnected();
		}
		this.acks.connectionLost(reason);
		this.handlers.disconnected(reason);
	}

	/**
	 * The client closed for good: nothing buffered will be sent.
	 */
	public void discard() {
		this.outbox.discard();
		NotConnectedException failure = new NotConnectedException(
				"The client was closed before the acknowledgement arrived");
		if (this.retryQueue != null) {
			this.retryQueue.failAll(failure);
		}
		this.acks.failAll(failure);
	}

	// Inbound (serial executor)

	private void connected(@Nullable JsonNode data) {
		String sid = this.host.protocol().sessionId(this.name, data, this.host.engineSessionId());
		if (sid == null) {
			if (!this.host.switchToOlderProtocol()) {
				refused(new SocketIoConnectException(this.name, "The server accepted namespace '" + this.name
						+ "' without a session id: it seems to be a Socket.IO 1.x/2.x server, which speaks protocol 4;"
						+ " the client is set to protocol v5: set it to auto or v4 for this server"));
			}
			return;
		}
		this.id = sid;
		this.recovery.connected(data);
		this.outbox.open();
		this.host.observers().connected(this.name);
		for (SocketPacket buffered : this.receiveBuffer) {
			dispatch(buffered);
		}
		this.receiveBuffer.clear();
		this.outbox.flush();
		if (this.retryQueue != null) {
			this.retryQueue.connected();
		}
		this.host.namespaceConnected(this);
		this.handlers.connected();
		this.connectResult.complete(null);
	}

	private void refused(@Nullable JsonNode data) {
		SocketProtocol.Refusal refusal = this.host.protocol().refusal(data);
		refused(new SocketIoConnectException(this.name, refusal.message(), refusal.data()));
	}

	private void refused(SocketIoConnectException failure) {
		this.active = false;
		this.receiveBuffer.clear();
		this.host.namespaceRefused(this, failure);
		connectFailed(failure);
	}

	private void acknowledged(SocketPacket packet) {
		if (!this.acks.acknowledged(packet.ackId(), new Arguments(elements(packet.data(), 0), this.host.mapper()))) {
			logger.debug("Ignoring an acknowledgement with unknown id " + packet.ackId() + " in namespace '"
					+ this.name + "'");
		}
	}

	private void dispatch(SocketPacket packet) {
		JsonNode data = Objects.requireNonNull(packet.data());
		JsonNode name = data.get(0);
		String event = name.isString() ? name.stringValue() : name.asString();
		this.host.observers().eventReceived(this.name, event);
		List<JsonNode> values = elements(data, 1);
		this.recovery.received(values, packet.hasAckId());
		Arguments arguments = new Arguments(values, this.host.mapper());
		if (!this.handlers.wants(event)) {
			// No handler, catch-all or interceptor would see it: kept for receive(..) without a hand-off.
			this.handlers.unhandled(new InboundEvent(this.name, event, arguments));
			return;
		}
		Ack ack = packet.hasAckId() ? new ServerAck(this.host, this.outbox, this.name, packet.ackId()) : Ack.NONE;
		this.handlers.received(new InboundEvent(this.name, event, arguments), ack);
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

}
