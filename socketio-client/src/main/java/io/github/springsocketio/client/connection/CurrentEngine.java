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
import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.client.PayloadTooLargeException;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.concurrent.BoundedWait;
import io.github.springsocketio.client.engine.CloseReason;
import io.github.springsocketio.client.engine.EngineSession;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.Handshake;
import org.jspecify.annotations.Nullable;

/**
 * The Engine.IO session a connection currently uses, if any: packets go out through it, within
 * the message size its server accepts; and when the last session closed at the network level.
 */
final class CurrentEngine {

	private volatile @Nullable EngineSession session;

	private volatile long maxPayload;

	/** Whether the server connected {@code /} by itself on the current session (protocol 4). */
	private volatile boolean defaultNamespaceConnected;

	private volatile CompletableFuture<Void> terminated = CompletableFuture.completedFuture(null);

	/**
	 * Makes a new session the current one; the previous one must be closed or lost before.
	 * @param session the session
	 */
	void use(EngineSession session) {
		this.session = session;
		this.defaultNamespaceConnected = false;
	}

	boolean is(EngineSession session) {
		return session == this.session;
	}

	@Nullable EngineSession session() {
		return this.session;
	}

	/**
	 * Ends the session's attempt as failed; the connection hears of it as of any lost transport.
	 * @param description what failed
	 * @param cause the failure, or {@code null}
	 */
	void failAttempt(String description, @Nullable Throwable cause) {
		EngineSession current = this.session;
		if (current != null) {
			current.close(CloseReason.TRANSPORT_ERROR, description, cause);
		}
	}

	boolean isOpen() {
		EngineSession current = this.session;
		return current != null && current.isOpen();
	}

	String sessionId() {
		EngineSession current = this.session;
		Handshake handshake = (current != null) ? current.handshake() : null;
		return (handshake != null) ? handshake.sid() : "";
	}

	@Nullable Transport transport() {
		EngineSession current = this.session;
		return (current != null && current.isOpen()) ? current.transport() : null;
	}

	/**
	 * The server connected the default namespace by itself on the current session.
	 */
	void defaultNamespaceConnectedByServer() {
		this.defaultNamespaceConnected = true;
	}

	boolean serverConnectedDefaultNamespace() {
		return this.defaultNamespaceConnected;
	}

	/**
	 * The current session completed its handshake.
	 * @param handshake what the server said
	 */
	void opened(Handshake handshake) {
		this.maxPayload = handshake.maxPayload();
	}

	/**
	 * Forgets the current session, which closed by itself.
	 * @return the session, or {@code null} when there was none
	 */
	@Nullable EngineSession lost() {
		EngineSession current = this.session;
		this.session = null;
		this.maxPayload = 0;
		if (current != null) {
			this.terminated = current.terminated();
		}
		return current;
	}

	/**
	 * Closes the current session, if any, and forgets it.
	 */
	void close() {
		EngineSession current = lost();
		if (current != null) {
			current.close();
		}
	}

	/**
	 * Waits, bounded, until the last session closed at the network level.
	 * @param limit how long to wait
	 * @return whether it did
	 */
	boolean awaitTerminated(Duration limit) {
		return BoundedWait.await(this.terminated, limit);
	}

	/**
	 * Refuses a packet that the server would refuse: any of its WebSocket messages larger than
	 * the server's {@code maxPayload}.
	 * @param packet the packet
	 * @throws PayloadTooLargeException when the server would refuse it
	 */
	void checkSize(EncodedPacket packet) {
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

	/**
	 * Sends a packet through the current session.
	 * @param packet the packet
	 * @return false when there is no open session
	 */
	long queuedBytes() {
		EngineSession current = this.session;
		return (current != null) ? current.queuedBytes() : 0;
	}

	void pauseReading(boolean paused) {
		EngineSession current = this.session;
		if (current != null) {
			current.pauseReading(paused);
		}
	}

	boolean send(EncodedPacket packet) {
		EngineSession current = this.session;
		return current != null && current.send(packet.text(), packet.attachments());
	}

}
