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
package io.github.springsocketio.test.server;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.EnginePacketType;
import jakarta.servlet.AsyncContext;
import org.jspecify.annotations.Nullable;

/**
 * One Engine.IO v4 session: its transport (long-polling, WebSocket, or polling until an upgrade),
 * the server's pings, and the packets in both directions. Thread-safe: every change happens
 * under the session's lock, and the messages reach the listener in order.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class EngineSession {

	private final String id;

	private final HandshakeInfo handshake;

	private final EngineServerOptions options;

	private final ScheduledExecutorService scheduler;

	private final Runnable onEnd;

	private final Object lock = new Object();

	private @Nullable EngineListener listener;

	private @Nullable PollingChannel polling;

	private @Nullable WebSocketChannel webSocket;

	/** The WebSocket that probes an upgrade, until the upgrade or its end. */
	private @Nullable WebSocketChannel probe;

	private boolean closed;

	private @Nullable ScheduledFuture<?> heartbeat;

	EngineSession(String id, HandshakeInfo handshake, EngineServerOptions options, ScheduledExecutorService scheduler,
			Runnable onEnd) {
		this.id = id;
		this.handshake = handshake;
		this.options = options;
		this.scheduler = scheduler;
		this.onEnd = onEnd;
	}

	/**
	 * The session id.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The request that opened the session.
	 * @return the request's query and headers
	 */
	public HandshakeInfo handshake() {
		return this.handshake;
	}

	/**
	 * The transport the session is on now.
	 * @return {@code polling} or {@code websocket}
	 */
	public String transport() {
		synchronized (this.lock) {
			return (this.webSocket != null) ? "websocket" : "polling";
		}
	}

	/**
	 * Sends packets, together and in order: over the WebSocket, or with the next poll.
	 * @param packets the packets
	 * @return whether the session was open to take them
	 */
	public boolean send(List<EnginePacket> packets) {
		synchronized (this.lock) {
			if (this.closed) {
				return false;
			}
			try {
				write(packets);
				return true;
			}
			catch (IOException | RuntimeException ex) {
				end("transport error");
				return false;
			}
		}
	}

	/**
	 * Runs an action with the session's sends held back, so that what it does and sends happens
	 * in one step for every other sender.
	 * @param action the action
	 */
	public void atomically(Runnable action) {
		synchronized (this.lock) {
			action.run();
		}
	}

	/**
	 * Closes the session from the server's side: a close packet, then the transport.
	 */
	public void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			try {
				write(List.of(EnginePacket.CLOSE));
			}
			catch (IOException | RuntimeException ex) {
				// Ending it anyway.
			}
			end("forced close");
		}
	}

	void start(EngineListener listener, @Nullable PollingChannel polling, @Nullable WebSocketChannel webSocket)
			throws IOException {
		synchronized (this.lock) {
			this.listener = listener;
			this.polling = polling;
			this.webSocket = webSocket;
			String open = "{\"sid\":\"" + this.id + "\",\"upgrades\":[" + ((polling != null) ? "\"websocket\"" : "")
					+ "],\"pingInterval\":" + this.options.pingInterval().toMillis() + ",\"pingTimeout\":"
					+ this.options.pingTimeout().toMillis() + ",\"maxPayload\":" + this.options.maxPayload() + "}";
			write(List.of(new EnginePacket(EnginePacketType.OPEN, open, null)));
			schedulePing();
		}
	}

	/**
	 * A packet from the client, on any transport.
	 */
	void received(EnginePacket packet) {
		EngineListener target;
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			switch (packet.type()) {
				case PONG -> {
					schedulePing();
					return;
				}
				case PING -> {
					send(List.of(new EnginePacket(EnginePacketType.PONG, packet.data(), null)));
					return;
				}
				case CLOSE -> {
					end("transport close");
					return;
				}
				case MESSAGE -> target = this.listener;
				default -> {
					return;
				}
			}
		}
		if (target != null) {
			byte[] binary = packet.binary();
			if (binary != null) {
				target.onBinary(binary);
			}
			else {
				target.onText((packet.data() != null) ? packet.data() : "");
			}
		}
	}

	/**
	 * A GET of the polling transport.
	 * @return whether the session takes it; it refuses a second one while one is held, and any
	 * once the session left polling
	 */
	boolean poll(AsyncContext poll) throws IOException {
		synchronized (this.lock) {
			PollingChannel channel = this.polling;
			if (this.closed || channel == null || channel.isPolling()) {
				return false;
			}
			if (this.probe != null) {
				channel.poll(poll);
				channel.answerWithNoop();
			}
			else {
				channel.poll(poll);
			}
			return true;
		}
	}

	void pollEnded(AsyncContext poll) {
		synchronized (this.lock) {
			if (this.polling != null) {
				this.polling.abandon(poll);
			}
		}
	}

	boolean isPolling() {
		synchronized (this.lock) {
			return !this.closed && this.polling != null;
		}
	}

	/** The client probed a WebSocket: the held poll ends so that it can pause polling. */
	void upgradeProbed(WebSocketChannel socket) throws IOException {
		synchronized (this.lock) {
			if (this.polling != null) {
				this.probe = socket;
				this.polling.answerWithNoop();
			}
		}
	}

	/** The client sent the upgrade packet on the probed WebSocket: it is the transport now. */
	void upgraded(WebSocketChannel socket) throws IOException {
		synchronized (this.lock) {
			PollingChannel channel = this.polling;
			if (this.closed || channel == null) {
				socket.close();
				return;
			}
			this.polling = null;
			this.probe = null;
			this.webSocket = socket;
			List<EnginePacket> waiting = channel.drain();
			channel.answerWithNoop();
			if (!waiting.isEmpty()) {
				write(waiting);
			}
		}
	}

	/** A probe's WebSocket closed before the upgrade: polling goes on. */
	void upgradeAbandoned() {
		synchronized (this.lock) {
			this.probe = null;
		}
	}

	/** The transport went away under the session. */
	void transportClosed(@Nullable WebSocketChannel socket, String reason) {
		synchronized (this.lock) {
			if (socket == null || socket == this.webSocket) {
				end(reason);
			}
		}
	}

	private void write(List<EnginePacket> packets) throws IOException {
		WebSocketChannel socket = this.webSocket;
		if (socket != null) {
			socket.write(packets);
		}
		else if (this.polling != null) {
			this.polling.enqueue(packets);
		}
	}

	private void schedulePing() {
		cancelHeartbeat();
		this.heartbeat = this.scheduler.schedule(this::ping, this.options.pingInterval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void ping() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			send(List.of(new EnginePacket(EnginePacketType.PING, null, null)));
			this.heartbeat = this.scheduler.schedule(this::pingTimedOut, this.options.pingTimeout().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private void pingTimedOut() {
		synchronized (this.lock) {
			end("ping timeout");
		}
	}

	private void cancelHeartbeat() {
		ScheduledFuture<?> current = this.heartbeat;
		if (current != null) {
			current.cancel(false);
			this.heartbeat = null;
		}
	}

	/** Ends the session once; the listener hears of it outside the lock's critical writes. */
	private void end(String reason) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		cancelHeartbeat();
		if (this.polling != null) {
			this.polling.close();
		}
		if (this.webSocket != null) {
			this.webSocket.close();
		}
		if (this.probe != null) {
			this.probe.close();
		}
		this.onEnd.run();
		EngineListener current = this.listener;
		if (current != null) {
			current.onClose(reason);
		}
	}

	@Override
	public String toString() {
		return "EngineSession " + this.id;
	}

}
