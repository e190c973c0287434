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
package io.github.springsocketio.client.transport;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.protocol.EngineProtocol;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What the WebSocket connections of both stacks share: the queue of frames to send (a WebSocket
 * allows one send at a time), putting inbound fragments together, a binary message's framing in
 * the session's Engine.IO revision, and telling the listener once that the connection closed.
 */
abstract class WebSocketConnection implements TransportConnection {

	private static final Log logger = LogFactory.getLog(WebSocketConnection.class);

	/** Queued after the frames that are to go before the close. */
	static final Object CLOSE = new Object();

	/** A WebSocket ping, which the server answers with a pong. */
	static final Object PING = new Object();

	private final MessageAssembler assembler;

	private final TransportListener listener;

	private final EngineProtocol protocol;

	/** Frames to send: a String, a byte[], {@link #PING} or {@link #CLOSE}. */
	private final Queue<Object> outbound = new ConcurrentLinkedQueue<>();

	/** The size of what {@link #outbound} holds: characters of text and bytes of binary frames. */
	private final AtomicLong queuedBytes = new AtomicLong();

	final AtomicBoolean closed = new AtomicBoolean();

	final CompletableFuture<Void> terminated = new CompletableFuture<>();

	WebSocketConnection(TransportRequest request, TransportListener listener) {
		this.assembler = new MessageAssembler(request.maxInboundMessageSize());
		this.listener = listener;
		this.protocol = request.protocol();
	}

	@Override
	public Transport kind() {
		return Transport.WEBSOCKET;
	}

	@Override
	public void send(String text) {
		enqueue(text);
	}

	@Override
	public void send(byte[] bytes) {
		enqueue(this.protocol.binaryFrame(bytes));
	}

	@Override
	public void close() {
		enqueue(CLOSE);
	}

	/**
	 * Sends a WebSocket ping after what is queued.
	 */
	void ping() {
		enqueue(PING);
	}

	@Override
	public CompletableFuture<Void> terminated() {
		return this.terminated;
	}

	private void enqueue(Object frame) {
		if (this.closed.get()) {
			return;
		}
		this.queuedBytes.addAndGet(size(frame));
		this.outbound.offer(frame);
		sendQueued();
	}

	private static long size(Object frame) {
		return (frame instanceof String text) ? text.length() : (frame instanceof byte[] bytes) ? bytes.length : 0;
	}

	@Override
	public long queuedBytes() {
		return this.queuedBytes.get();
	}

	boolean hasQueued() {
		return !this.outbound.isEmpty();
	}

	/**
	 * Takes the next frame to send.
	 * @return the frame, or {@code null} when none is queued
	 */
	@Nullable Object takeQueued() {
		Object frame = this.outbound.poll();
		if (frame != null) {
			this.queuedBytes.addAndGet(-size(frame));
		}
		return frame;
	}

	/**
	 * Forgets what is queued: the connection cannot send it.
	 */
	void dropQueued() {
		while (takeQueued() != null) {
			// drained
		}
	}

	/**
	 * Sends what is queued, one frame at a time, or makes sure that another thread will.
	 */
	abstract void sendQueued();

	/**
	 * Drops the connection at once, e.g. after an inbound message that is too large.
	 */
	abstract void abort();

	/**
	 * Takes a fragment of a text message.
	 * @return false when the message is too large and the connection was dropped
	 */
	boolean receiveText(CharSequence fragment, boolean last) {
		try {
			String text = this.assembler.text(fragment, last);
			if (text != null) {
				this.listener.onText(text);
			}
			return true;
		}
		catch (MessageAssembler.MessageTooLargeException ex) {
			tooLarge(ex);
			return false;
		}
	}

	/**
	 * Takes a fragment of a binary message.
	 * @return false when the message is too large and the connection was dropped
	 */
	boolean receiveBinary(ByteBuffer fragment, boolean last) {
		byte[] message;
		try {
			byte[] frame = this.assembler.binary(fragment, last);
			message = (frame != null) ? this.protocol.binaryMessage(frame) : null;
		}
		catch (MessageAssembler.MessageTooLargeException ex) {
			tooLarge(ex);
			return false;
		}
		catch (ProtocolException ex) {
			failed(ex.getMessage());
			return false;
		}
		if (message != null) {
			this.listener.onBinary(message);
		}
		return true;
	}

	private void tooLarge(MessageAssembler.MessageTooLargeException ex) {
		logger.error(ex.getMessage());
		failed(ex.getMessage());
	}

	private void failed(String description) {
		closed(true, description, null);
		abort();
	}

	/**
	 * Tells the listener, once, that the connection closed, and forgets what was not sent.
	 */
	void closed(boolean error, String description, @Nullable Throwable cause) {
		if (this.closed.compareAndSet(false, true)) {
			dropQueued();
			this.listener.onClose(error, description, cause);
		}
	}

}
