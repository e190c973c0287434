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

import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.protocol.EncodedPacket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The way out of a namespace's emits: sent at once while the namespace is connected and nothing
 * waits before them, else kept in its bounded {@link SendBuffer} until it connects. Whether the
 * namespace is connected is decided here: the namespace opens and closes its outbox. Touched on
 * the connection's serial executor, except {@link #isOpen} and {@link #reserve}.
 */
final class NamespaceOutbox {

	private static final Log logger = LogFactory.getLog(NamespaceOutbox.class);

	private final NamespaceHost host;

	private final String namespace;

	private final NamespaceHandlers handlers;

	private final SendBuffer<OutgoingEmit> buffer;

	private volatile boolean open;

	NamespaceOutbox(NamespaceHost host, String namespace, NamespaceHandlers handlers) {
		this.host = host;
		this.namespace = namespace;
		this.handlers = handlers;
		this.buffer = new SendBuffer<>(namespace, host.options().sendBufferMaxPackets());
	}

	/**
	 * Whether emits are sent at once; any thread.
	 * @return whether the namespace is connected
	 */
	boolean isOpen() {
		return this.open;
	}

	/**
	 * The namespace connected: emits go out at once, after those that waited ({@link #flush}).
	 */
	void open() {
		this.open = true;
	}

	/**
	 * Sends what waited, in order, while connected.
	 */
	void flush() {
		this.buffer.flush((next) -> this.open && sendNow(next));
	}

	/**
	 * The namespace disconnected: emits wait again.
	 */
	void close() {
		this.open = false;
	}

	/**
	 * How many emits wait; any thread.
	 * @return the count
	 */
	int waiting() {
		return this.buffer.size();
	}

	/**
	 * Reserves a place for an emit made while not connected; any thread.
	 * @throws io.github.springsocketio.client.SendBufferFullException when the buffer is full
	 */
	void reserve() {
		this.buffer.reserve();
	}

	/**
	 * Sends an emit, or keeps it until the namespace is connected.
	 * @param reserved whether its place was reserved
	 */
	void sendOrKeep(OutgoingEmit emit, boolean reserved) {
		if (this.open && this.buffer.isEmpty() && sendNow(emit)) {
			if (reserved) {
				this.buffer.release();
			}
			return;
		}
		this.buffer.add(emit, reserved);
	}

	/**
	 * Sends a volatile emit if connected; never keeps it.
	 */
	void sendIfOpen(OutgoingEmit emit) {
		if (this.open) {
			sendNow(emit);
		}
	}

	/**
	 * Sends an acknowledgement if connected: one for an event of an earlier connection is dropped.
	 */
	void sendAck(EncodedPacket packet) {
		if (this.open) {
			this.host.sendPacket(packet);
		}
	}

	/**
	 * Drops the emit whose acknowledgement timed out before it could be sent.
	 */
	void drop(EmitAck ack) {
		this.buffer.remove((waiting) -> waiting.ack() == ack);
	}

	/**
	 * The client closed for good: nothing kept will be sent.
	 */
	void discard() {
		int dropped = this.buffer.clear();
		if (dropped > 0) {
			logger.warn(dropped + " emit(s) buffered in namespace '" + this.namespace
					+ "' were not sent: the client was closed before it connected");
		}
	}

	private boolean sendNow(OutgoingEmit emit) {
		if (!this.host.sendPacket(emit.encoded())) {
			return false;
		}
		if (emit.ack() != null) {
			emit.ack().sent = true;
		}
		this.host.observers().eventSent(this.namespace, emit.event().event());
		if (this.handlers.wantOutgoing()) {
			this.handlers.sent(emit.event(), new Arguments(emit.event().arguments(), this.host.mapper()));
		}
		return true;
	}

}
