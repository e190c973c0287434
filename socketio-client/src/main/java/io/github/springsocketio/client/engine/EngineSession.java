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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.Redaction;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.EnginePacketType;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.protocol.Handshake;
import io.github.springsocketio.client.transport.Failures;
import io.github.springsocketio.client.transport.Frame;
import io.github.springsocketio.client.transport.TransportConnection;
import io.github.springsocketio.client.transport.TransportConnector;
import io.github.springsocketio.client.transport.TransportListener;
import io.github.springsocketio.client.transport.TransportRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Engine.IO session over one transport: reads the handshake, answers the server's pings,
 * closes with {@code ping timeout} when its {@link Heartbeat} expires, upgrades from long-polling
 * to WebSocket, and reports how the session ended. What differs between protocol revisions is
 * asked of its {@link EngineProtocol}. Its state is only touched on its serial executor;
 * {@link #send} and {@link #close} must be called there too.
 *
 * Over 400 lines: the session's states, its sending (with the frames that wait for an upgrade) and
 * the switch to the upgraded transport share one state; its heartbeat, probe and transport
 * attempts are out already.
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

	private final EngineProtocol protocol;

	private final EngineListener listener;

	private final Heartbeat heartbeat;

	private State state = State.OPENING;

	private volatile @Nullable TransportConnection connection;

	private final List<Frame> unsent = new ArrayList<>();

	private final TransportAttempts attempts = new TransportAttempts();

	private @Nullable Handshake handshake;

	private @Nullable Upgrade upgrade;

	private @Nullable UpgradeProbe probe;

	private boolean upgrading;

	private boolean readingPaused;

	/**
	 * Creates a session; {@link #open} starts it.
	 * @param serial the executor that owns the session's state
	 * @param scheduler runs the heartbeat timer
	 * @param mapper parses the handshake
	 * @param protocol the Engine.IO revision
	 * @param listener receives the session's events
	 */
	public EngineSession(SerialExecutor serial, ScheduledExecutorService scheduler, JsonMapper mapper,
			EngineProtocol protocol, EngineListener listener) {
		this.serial = serial;
		this.scheduler = scheduler;
		this.mapper = mapper;
		this.protocol = protocol;
		this.listener = listener;
		this.heartbeat = Heartbeat.of(protocol,
				new Heartbeat.Session(scheduler, serial, this::sendFrame,
						() -> this.connection != null && !this.upgrading, this::heartbeatExpired));
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
	 * Opens the transport; the listener hears {@code onOpen} after the server's handshake, or
	 * {@code onClose} when it fails.
	 * @param connector opens the transport
	 * @param request what to connect to
	 */
	public void open(TransportConnector connector, TransportRequest request) {
		this.attempts.open(connector, request, this).whenComplete((opened, failure) -> this.serial.execute(() -> {
			if (failure != null) {
				Throwable cause = Failures.unwrap(failure);
				closed(CloseReason.TRANSPORT_ERROR, "Cannot connect: " + Redaction.text(Failures.describe(cause)), cause);
			}
			else if (this.state == State.CLOSED) {
				opened.close();
			}
			else {
				this.connection = opened;
				if (this.readingPaused) {
					opened.pauseReading(true);
				}
				this.unsent.forEach((frame) -> frame.sendOn(opened));
				this.unsent.clear();
				if (this.handshake != null) {
					opened.handshaken(this.handshake);
				}
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
		return this.attempts.terminated();
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
		if (this.heartbeat.isExpired()) {
			heartbeatExpired();
			return false;
		}
		sendFrame(new Frame.Text(EngineCodec.encode(EnginePacket.message(text))));
		for (byte[] attachment : attachments) {
			sendFrame(new Frame.Binary(attachment));
		}
		return true;
	}

	/**
	 * What the transport holds that is not yet on its way to the network; any thread.
	 * @return characters of text and bytes of binary messages
	 */
	public long queuedBytes() {
		TransportConnection current = this.connection;
		return (current != null) ? current.queuedBytes() : 0;
	}

	/**
	 * Stops reading from the server, or reads again (the application's handlers fell behind); on
	 * the serial executor. A WebSocket the session upgrades to takes the state over.
	 * @param paused whether to stop reading
	 */
	public void pauseReading(boolean paused) {
		if (this.readingPaused == paused) {
			return;
		}
		this.readingPaused = paused;
		TransportConnection current = this.connection;
		if (current != null) {
			current.pauseReading(paused);
		}
	}

	private void heartbeatExpired() {
		close(CloseReason.PING_TIMEOUT, this.heartbeat.overdue(), null);
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
		this.attempts.cancelOpening();
		TransportConnection current = this.connection;
		if (this.state != State.CLOSED && current != null) {
			if (this.upgrading) {
				// What waited for the upgrade goes out on the old transport before it closes.
				this.unsent.forEach((frame) -> frame.sendOn(current));
				this.unsent.clear();
			}
			current.close();
		}
		closed(reason, description, cause);
	}

	private void closedByServer() {
		this.attempts.cancelOpening();
		TransportConnection current = this.connection;
		if (current != null) {
			current.closeAfterServerClose();
		}
		closed(CloseReason.TRANSPORT_CLOSE, "closed by the server", null);
	}

	private void closed(CloseReason reason, String description, @Nullable Throwable cause) {
		if (this.state == State.CLOSED) {
			return;
		}
		this.state = State.CLOSED;
		this.unsent.clear();
		this.heartbeat.stop();
		UpgradeProbe probing = this.probe;
		this.probe = null;
		if (probing != null) {
			probing.abandon();
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
				case PING, PONG -> this.heartbeat.received(packet.type());
				case MESSAGE -> this.listener.onMessage((packet.data() != null) ? packet.data() : "");
				case CLOSE -> closedByServer();
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
		Handshake received = this.protocol.parseHandshake(packet.data(), this.mapper);
		this.handshake = received;
		this.state = State.OPEN;
		this.heartbeat.start(received.pingInterval(), received.pingTimeout());
		TransportConnection current = this.connection;
		if (current != null) {
			current.handshaken(received);
		}
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

	/**
	 * Probes the WebSocket; a probe not answered within the server's ping timeout is given up,
	 * so that a WebSocket accepted and then silent is not kept open beside the polling session.
	 */
	private void probe(Upgrade plan, Handshake received) {
		UpgradeProbe probing = new UpgradeProbe(this.serial, this.protocol, this);
		this.probe = probing;
		long limit = received.pingTimeout();
		this.scheduler.schedule(() -> this.serial.execute(() -> {
			if (this.probe == probing && !this.upgrading) {
				probeFailed(probing, "no answer to the probe within " + limit + " ms");
			}
		}), limit, TimeUnit.MILLISECONDS);
		probing.start(this.attempts.open(plan.connector(), plan.requestForSid().apply(received.sid()), probing))
			.whenComplete((webSocket, failure) -> {
				if (this.probe != probing || this.state != State.OPEN) {
					return;
				}
				if (failure != null) {
					probeFailed(probing, Redaction.text(Failures.describe(failure)));
				}
				else {
					upgradeTo(probing, webSocket);
				}
			});
	}

	/**
	 * Switches to the probed WebSocket once polling is paused; what is sent meanwhile waits.
	 */
	private void upgradeTo(UpgradeProbe probing, TransportConnection webSocket) {
		TransportConnection polling = this.connection;
		if (polling == null) {
			return;
		}
		this.upgrading = true;
		if (this.protocol.clientPings()) {
			// An Engine.IO 3 server answers a poll only when it has something to send, and
			// netty-socketio 1.x sends one noop when probed, which may answer the poll before the
			// one in flight: the pong to this ping answers the poll that pausing waits for.
			ClientPings.PING.sendOn(polling);
		}
		polling.pause().whenComplete((paused, failure) -> this.serial.execute(() -> {
			if (this.probe != probing || this.state != State.OPEN) {
				return;
			}
			if (failure != null) {
				probeFailed(probing, "cannot pause polling: " + Redaction.text(Failures.describe(failure)));
				return;
			}
			probing.upgraded();
			this.probe = null;
			this.upgrading = false;
			this.connection = webSocket;
			if (this.readingPaused) {
				webSocket.pauseReading(true);
			}
			webSocket.send(this.protocol.upgrade());
			this.unsent.forEach((frame) -> frame.sendOn(webSocket));
			this.unsent.clear();
			polling.discard();
			logger.debug("Upgraded the Engine.IO session to WebSocket");
		}));
	}

	private void probeFailed(UpgradeProbe probing, @Nullable String reason) {
		if (this.probe != probing) {
			return;
		}
		this.probe = null;
		logger.debug("Staying on HTTP long-polling: " + reason);
		probing.abandon();
		TransportConnection current = this.connection;
		if (this.upgrading && current != null) {
			this.upgrading = false;
			this.unsent.forEach((frame) -> frame.sendOn(current));
			this.unsent.clear();
		}
	}

	private void sendFrame(Frame frame) {
		if (logger.isTraceEnabled()) {
			logger.trace(">> " + frame);
		}
		TransportConnection current = this.connection;
		if (current == null || this.upgrading) {
			this.unsent.add(frame);
		}
		else {
			frame.sendOn(current);
		}
	}

	private record Upgrade(TransportConnector connector, Function<String, TransportRequest> requestForSid) {

	}

}
