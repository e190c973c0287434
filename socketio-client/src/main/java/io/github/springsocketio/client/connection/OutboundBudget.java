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

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.springsocketio.client.SendBufferFullException;

/**
 * The bound on the emits a connected client holds (send-buffer.max-bytes): what emits handed over
 * and the connection did not take yet, plus what its transport still queues. Sizes are characters
 * of text plus bytes of attachments. Any thread; concurrent emits may pass the bound by the
 * packets they carry.
 */
final class OutboundBudget {

	private final long limit;

	private final LongSupplier transportQueued;

	private final AtomicLong accepted = new AtomicLong();

	OutboundBudget(long limit, LongSupplier transportQueued) {
		this.limit = limit;
		this.transportQueued = transportQueued;
	}

	/**
	 * Takes room for a packet.
	 * @param size the packet's size
	 * @throws SendBufferFullException when the packet does not fit
	 */
	void reserve(long size) {
		long held = this.accepted.addAndGet(size);
		if (held + this.transportQueued.getAsLong() > this.limit) {
			this.accepted.addAndGet(-size);
			throw new SendBufferFullException("The emit was refused: more than " + this.limit
					+ " bytes of emits wait to be written to the connection (send-buffer.max-bytes); "
					+ "the network or the server is slower than the emits");
		}
	}

	/**
	 * Gives the room of a packet back: the connection took it, or it was kept for a reconnect.
	 * @param size the packet's size
	 */
	void release(long size) {
		this.accepted.addAndGet(-size);
	}

}
