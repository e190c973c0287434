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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.github.springsocketio.client.SendBufferFullException;

/**
 * The emits of a namespace that wait for it to connect: in order and bounded. An emit reserves its
 * place on the emitting thread, so that one beyond the bound fails at once; the packets themselves
 * are touched on the connection's serial executor only.
 *
 * @param <T> the buffered packets
 */
final class SendBuffer<T> {

	private final Deque<T> packets = new ArrayDeque<>();

	/** Packets in the buffer or on their way to it. */
	private final AtomicInteger count = new AtomicInteger();

	private final String namespace;

	private final int limit;

	SendBuffer(String namespace, int limit) {
		this.namespace = namespace;
		this.limit = limit;
	}

	/**
	 * Reserves a place for a packet; any thread.
	 * @throws SendBufferFullException when the buffer is full
	 */
	void reserve() {
		if (this.count.incrementAndGet() > this.limit) {
			this.count.decrementAndGet();
			throw new SendBufferFullException("The send buffer of namespace '" + this.namespace + "' is full ("
					+ this.limit + " packets) while not connected");
		}
	}

	/**
	 * Gives back a place reserved for a packet that could be sent at once.
	 */
	void release() {
		this.count.decrementAndGet();
	}

	/**
	 * Buffers a packet behind the others.
	 * @param packet the packet
	 * @param reserved whether its place was reserved
	 */
	void add(T packet, boolean reserved) {
		if (!reserved) {
			this.count.incrementAndGet();
		}
		this.packets.add(packet);
	}

	boolean isEmpty() {
		return this.packets.isEmpty();
	}

	/**
	 * How many packets are buffered or on their way; any thread.
	 * @return the count
	 */
	int size() {
		return this.count.get();
	}

	/**
	 * Sends the buffered packets in order, as long as they can be sent.
	 * @param send sends one, or returns false when it cannot
	 */
	void flush(Predicate<T> send) {
		while (!this.packets.isEmpty() && send.test(this.packets.peek())) {
			this.packets.poll();
			this.count.decrementAndGet();
		}
	}

	/**
	 * Drops the first buffered packet that matches.
	 * @param which the packet to drop
	 */
	void remove(Predicate<T> which) {
		for (Iterator<T> iterator = this.packets.iterator(); iterator.hasNext();) {
			if (which.test(iterator.next())) {
				iterator.remove();
				this.count.decrementAndGet();
				return;
			}
		}
	}

	/**
	 * Drops every buffered packet.
	 * @return how many were dropped
	 */
	int clear() {
		int dropped = this.packets.size();
		this.packets.clear();
		this.count.set(0);
		return dropped;
	}

}
