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
package io.github.springsocketio.client.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.EnginePacketType;
import io.github.springsocketio.client.protocol.Handshake;
import io.github.springsocketio.client.transport.Failures;
import io.github.springsocketio.client.transport.Redaction;
import io.github.springsocketio.client.transport.TransportConnection;
import io.github.springsocketio.client.transport.TransportConnector;
import io.github.springsocketio.client.transport.TransportListener;
import io.github.springsocketio.client.transport.TransportRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Engine.IO v4 session over one transport: reads the handshake, answers the server's pings,
 * closes with {@code ping timeout} when the server goes quiet for longer than ping interval plus
 * ping timeout, and reports how the session ended. Its state is only touched on its serial
 * executor; {@link #send} and {@link #close} must be called there too.
 *
 * Over 400 lines: the session, its heartbeat and its upgrade probe, which share one state; the
 * protocol-revision seam (issue 12) will take the Engine.IO specifics out of it.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class EngineSession implements TransportListener {

	private static final Log logger = LogFactory.getLog(EngineSession.class);

	private enum State {

		OPENING, OPEN, CLOSED

	}

	private final SerialExecutor serial;

	private final ScheduledExecutorService scheduler;

	private final JsonMapper mapper;

	private final EngineListener listener;

	private State state = State.OPENING;

	private volatile @Nullable TransportConnection connection;

	private final List<Object> unsent = new ArrayList<>();

	private final List<CompletableFuture<TransportConnection>> openAttempts = new CopyOnWriteArrayList<>();

	private @Nullable Handshake handshake;

	private @Nullable ScheduledFuture<?> pingTimer;

	private @Nullable Upgrade upgrade;

	private @Nullable Probe probe;

	private boolean upgrading;

	private long pingDeadline;

	/**
	 * Creates a session; {@link #open} starts it.
	 * @param serial the executor that owns the session's state
	 * @param scheduler runs the heartbeat timer
	 * @param mapper parses the handshake
	 * @param listener receives the session's events
	 */
	public EngineSession(SerialExecutor serial, ScheduledExecutorService scheduler, JsonMapper mapper,
			EngineListener listener) {
		this.serial = serial;
		this.scheduler = scheduler;
		this.mapper = mapper;
		this.listener = listener;
	}

	/**
	 * Lets the session upgrade from HTTP long-polling to WebSocket after the handshake, when the
	 * server offers it.
	 * @param connector opens the WebSocket
	 * @param requestForSid the WebSocket request for the session id
	 */
	public void enableUpgrade(TransportConnector connector, Function<String, TransportRequest> requestForSid) {
		this.upgrade = new Upgrade(connector, requestForSid);
	}

	/**
	 * Opens a connection; a connector that throws instead of failing its future fails it too.
	 */
	private static CompletableFuture<TransportConnection> openConnection(TransportConnector connector,
			TransportRequest request, TransportListener listener) {
		try {
			return connector.open(request, listener);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Opens the transport; the listener hears {@code onOpen} after the server's handshake, or
	 * {@code onClose} when it fails.
	 * @param connector opens the transport
	 * @param request what to connect to
	 */
	public void open(TransportConnector connector, TransportRequest request) {
		track(openConnection(connector, request, this)).whenComplete((opened, failure) -> this.serial.execute(() -> {
			if (failure != null) {
				Throwable cause = Failures.unwrap(failure);
				closed(CloseReason.TRANSPORT_ERROR, "Cannot connect: " + Redaction.text(cause.getMessage()), cause);
			}
			else if (this.state == State.CLOSED) {
				opened.close();
			}
			else {
				this.connection = opened;
				for (Object frame : this.unsent) {
					write(opened, frame);
				}
				this.unsent.clear();
				probeIfReady();
			}
		}));
	}

	/**
	 * The server's handshake.
	 * @return the handshake, or {@code null} before it arrived
	 */
	public @Nullable Handshake handshake() {
		return this.handshake;
	}

	/**
	 * The transport in use.
	 * @return the transport, or {@code null} before it is open
	 */
	public @Nullable Transport transport() {
		TransportConnection current = this.connection;
		return (current != null) ? current.kind() : null;
	}

	/**
	 * Completes when the session's transport is closed at the network level.
	 * @return the future, complete at once when no transport was opened
	 */
	public CompletableFuture<Void> terminated() {
		List<CompletableFuture<Void>> connections = new ArrayList<>();
		for (CompletableFuture<TransportConnection> attempt : this.openAttempts) {
			connections.add(attempt.handle((opened, failure) -> opened)
				.thenCompose((opened) -> (opened != null) ? opened.terminated() : CompletableFuture.completedFuture(null)));
		}
		return CompletableFuture.allOf(connections.toArray(CompletableFuture[]::new));
	}

	/**
	 * Remembers a transport being opened, so that {@link #terminated()} also waits for the ones
	 * still opening when the session closed.
	 */
	private CompletableFuture<TransportConnection> track(CompletableFuture<TransportConnection> attempt) {
		this.openAttempts.add(attempt);
		return attempt;
	}

	/**
	 * Whether the session is open and can send.
	 * @return whether {@link #send} would send
	 */
	public boolean isOpen() {
		return this.state == State.OPEN;
	}

	/**
	 * Sends a message with its binary attachments. When the ping deadline has passed (the server
	 * is gone, or this JVM was paused) the session closes with {@link CloseReason#PING_TIMEOUT}
	 * instead, so that nothing is written to a dead connection.
	 * @param text the text message
	 * @param attachments binary messages that follow it
	 * @return whether the message was sent
	 */
	public boolean send(String text, List<byte[]> attachments) {
		if (this.state != State.OPEN) {
			return false;
		}
		if (System.nanoTime() - this.pingDeadline > 0) {
			close(CloseReason.PING_TIMEOUT, "No ping from the server within pingInterval + pingTimeout", null);
			return false;
		}
		sendFrame(EngineCodec.encode(EnginePacket.message(text)));
		for (byte[] attachment : attachments) {
			sendFrame(attachment);
		}
		return true;
	}

	/**
	 * Closes the session from the client side.
	 */
	public void close() {
		close(CloseReason.FORCED_CLOSE, "closed by the client", null);
	}

	/**
	 * Closes the session for a reason found above the Engine.IO layer, e.g. a parse error.
	 * @param reason why
	 * @param description what happened
	 * @param cause the failure, or {@code null}
	 */
	public void close(CloseReason reason, String description, @Nullable Throwable cause) {
		for (CompletableFuture<TransportConnection> attempt : this.openAttempts) {
			// A transport still opening gives up, e.g. a handshake that a silent server holds.
			attempt.cancel(false);
		}
		TransportConnection current = this.connection;
		if (this.state != State.CLOSED && current != null) {
			if (this.upgrading) {
				// What waited for the upgrade goes out on the old transport before it closes.
				this.unsent.forEach((frame) -> write(current, frame));
				this.unsent.clear();
			}
			current.close();
		}
		closed(reason, description, cause);
	}

	private void closed(CloseReason reason, String description, @Nullable Throwable cause) {
		if (this.state == State.CLOSED) {
			return;
		}
		this.state = State.CLOSED;
		this.unsent.clear();
		cancelPingTimer();
		Probe probing = this.probe;
		this.probe = null;
		if (probing != null && probing.connection != null) {
			probing.connection.close();
		}
		this.listener.onClose(reason, description, cause);
	}

	@Override
	public void onText(String text) {
		this.serial.executeHere(() -> receive(text));
	}

	@Override
	public void onBinary(byte[] bytes) {
		this.serial.executeHere(() -> {
			if (this.state == State.OPEN) {
				if (logger.isTraceEnabled()) {
					logger.trace("<< binary message of " + bytes.length + " bytes");
				}
				this.listener.onMessage(bytes);
			}
		});
	}

	@Override
	public void onClose(boolean error, String description, @Nullable Throwable cause) {
		this.serial.execute(() -> closed(error ? CloseReason.TRANSPORT_ERROR : CloseReason.TRANSPORT_CLOSE, description,
				cause));
	}

	private void receive(String frame) {
		if (this.state == State.CLOSED) {
			return;
		}
		if (logger.isTraceEnabled()) {
			logger.trace("<< " + Redaction.frame(frame));
		}
		try {
			EnginePacket packet = EngineCodec.decode(frame);
			if (this.state == State.OPENING) {
				receiveHandshake(packet);
				return;
			}
			switch (packet.type()) {
				case PING -> {
					sendFrame("3");
					resetPingTimer();
				}
				case MESSAGE -> this.listener.onMessage((packet.data() != null) ? packet.data() : "");
				case CLOSE -> close(CloseReason.TRANSPORT_CLOSE, "closed by the server", null);
				default -> logger.debug("Ignoring an Engine.IO " + packet.type() + " packet");
			}
		}
		catch (ProtocolException ex) {
			close(CloseReason.PARSE_ERROR, Redaction.text(ex.getMessage()), ex);
		}
	}

	private void receiveHandshake(EnginePacket packet) {
		if (packet.type() != EnginePacketType.OPEN || packet.data() == null) {
			throw new ProtocolException("Expected the Engine.IO handshake but got a " + packet.type() + " packet");
		}
		Handshake received = Handshake.parse(packet.data(), this.mapper);
		this.handshake = received;
		this.state = State.OPEN;
		resetPingTimer();
		this.listener.onOpen(received);
		probeIfReady();
	}

	/**
	 * Starts the upgrade probe once the handshake offers WebSocket and the polling connection is
	 * known. Long-polling delivers the handshake before its open completes: a probe answered
	 * before then could not pause polling, and a server that stops answering polls during an
	 * upgrade (python-engineio) would then never deliver another packet.
	 */
	private void probeIfReady() {
		Upgrade plan = this.upgrade;
		Handshake received = this.handshake;
		TransportConnection current = this.connection;
		if (plan == null || received == null || current == null || this.state != State.OPEN
				|| current.kind() != Transport.POLLING || !received.upgrades().contains(Transport.WEBSOCKET.wireName())) {
			return;
		}
		this.upgrade = null;
		probe(plan, received);
	}

	private void probe(Upgrade plan, Handshake received) {
		Probe probing = new Probe();
		this.probe = probing;
		track(openConnection(plan.connector(), plan.requestForSid().apply(received.sid()), probing))
			.whenComplete((opened, failure) -> this.serial.execute(() -> {
				if (failure != null) {
					probeFailed(probing, "cannot open the WebSocket: " + Redaction.text(failure.getMessage()));
				}
				else if (this.probe != probing || this.state != State.OPEN) {
					opened.close();
				}
				else {
					probing.connection = opened;
					opened.send("2probe");
				}
			}));
	}

	private void probeAnswered(Probe probing, String answer) {
		if (this.probe != probing || probing.connection == null) {
			return;
		}
		if (!"3probe".equals(answer)) {
			probeFailed(probing, "the server answered the probe with '" + Redaction.frame(answer) + "'");
			return;
		}
		TransportConnection polling = this.connection;
		if (polling == null) {
			return;
		}
		this.upgrading = true;
		polling.pause().whenComplete((paused, failure) -> this.serial.execute(() -> {
			if (this.probe != probing || this.state != State.OPEN) {
				return;
			}
			if (failure != null) {
				this.upgrading = false;
				probeFailed(probing, "cannot pause polling: " + failure.getMessage());
				return;
			}
			TransportConnection webSocket = probing.connection;
			probing.upgraded = true;
			this.probe = null;
			this.upgrading = false;
			this.connection = webSocket;
			webSocket.send("5");
			for (Object frame : this.unsent) {
				write(webSocket, frame);
			}
			this.unsent.clear();
			polling.discard();
			logger.debug("Upgraded the Engine.IO session to WebSocket");
		}));
	}

	private void probeFailed(Probe probing, String reason) {
		if (this.probe != probing) {
			return;
		}
		this.probe = null;
		logger.debug("Staying on HTTP long-polling: " + reason);
		if (probing.connection != null) {
			probing.connection.close();
		}
		TransportConnection current = this.connection;
		if (this.upgrading && current != null) {
			this.upgrading = false;
			for (Object frame : this.unsent) {
				write(current, frame);
			}
			this.unsent.clear();
		}
	}

	private void sendFrame(Object frame) {
		if (logger.isTraceEnabled()) {
			logger.trace(">> " + ((frame instanceof String text) ? Redaction.frame(text)
					: "binary message of " + ((byte[]) frame).length + " bytes"));
		}
		TransportConnection current = this.connection;
		if (current == null || this.upgrading) {
			this.unsent.add(frame);
		}
		else {
			write(current, frame);
		}
	}

	private static void write(TransportConnection connection, Object frame) {
		if (frame instanceof String text) {
			connection.send(text);
		}
		else {
			connection.send((byte[]) frame);
		}
	}

	private record Upgrade(TransportConnector connector, Function<String, TransportRequest> requestForSid) {

	}

	/**
	 * The WebSocket being probed; once upgraded, the session's transport.
	 */
	private final class Probe implements TransportListener {

		private @Nullable TransportConnection connection;

		private boolean upgraded;

		@Override
		public void onText(String text) {
			EngineSession.this.serial.execute(() -> {
				if (this.upgraded) {
					receive(text);
				}
				else {
					probeAnswered(this, text);
				}
			});
		}

		@Override
		public void onBinary(byte[] bytes) {
			if (this.upgraded) {
				EngineSession.this.onBinary(bytes);
			}
		}

		@Override
		public void onClose(boolean error, String description, @Nullable Throwable cause) {
			EngineSession.this.serial.execute(() -> {
				if (this.upgraded) {
					closed(error ? CloseReason.TRANSPORT_ERROR : CloseReason.TRANSPORT_CLOSE, description, cause);
				}
				else {
					probeFailed(this, description);
				}
			});
		}

	}

	private void resetPingTimer() {
		Handshake current = this.handshake;
		if (current == null) {
			return;
		}
		long timeout = current.pingInterval() + current.pingTimeout();
		this.pingDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
		cancelPingTimer();
		this.pingTimer = this.scheduler.schedule(() -> this.serial.execute(this::checkPingDeadline), timeout,
				TimeUnit.MILLISECONDS);
	}

	private void checkPingDeadline() {
		if (this.state == State.OPEN && System.nanoTime() - this.pingDeadline >= 0) {
			close(CloseReason.PING_TIMEOUT, "No ping from the server within pingInterval + pingTimeout", null);
		}
	}

	private void cancelPingTimer() {
		ScheduledFuture<?> timer = this.pingTimer;
		if (timer != null) {
			timer.cancel(false);
			this.pingTimer = null;
		}
	}

}
