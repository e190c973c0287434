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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springsocketio.client.AckTimeoutException;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.OutboundEvent;
import io.github.springsocketio.client.SendBufferFullException;
import io.github.springsocketio.client.SocketIoException;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketPacketType;

/**
 * The "guaranteed delivery" queue of a namespace when retries are on (the JavaScript client's
 * {@code retries}): every emit waits its turn, only the head is in flight, always with an ack id;
 * it is sent again after each ack timeout until acknowledged or out of retries, and again after
 * each reconnect. Emits arrive at least once and in order. The acknowledgement of the head's try
 * is awaited in the namespace's {@link AckRegistry}, as those of plain emits. Touched on the
 * client's serial executor only, except {@link #add}.
 */
final class RetryQueue {

	private final NamespaceHost host;

	private final String namespace;

	private final AckRegistry acks;

	private final int retries;

	private final Deque<Entry> queue = new ArrayDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	private boolean connected;

	RetryQueue(NamespaceHost host, String namespace, AckRegistry acks, int retries) {
		this.host = host;
		this.namespace = namespace;
		this.acks = acks;
		this.retries = retries;
	}

	/**
	 * Queues an emit; any thread.
	 * @return the acknowledgement's arguments, or the failure once out of retries
	 */
	CompletableFuture<Arguments> add(OutboundEvent event, Duration timeout) {
		int limit = this.host.options().sendBufferMaxPackets();
		if (this.size.incrementAndGet() > limit) {
			this.size.decrementAndGet();
			throw new SendBufferFullException("The retry queue of namespace '" + this.namespace + "' is full (" + limit
					+ " packets)");
		}
		Entry entry = new Entry(event, timeout);
		this.host.serial().execute(() -> {
			this.queue.add(entry);
			sendHead();
		});
		return entry.future;
	}

	void connected() {
		this.connected = true;
		stopWaiting();
		sendHead();
	}

	void disconnected() {
		this.connected = false;
		stopWaiting();
	}

	void failAll(SocketIoException failure) {
		stopWaiting();
		List<Entry> entries = new ArrayList<>(this.queue);
		this.queue.clear();
		this.size.set(0);
		for (Entry entry : entries) {
			this.acks.completions().fail(entry.future, failure);
		}
	}

	/**
	 * Forgets the acknowledgement the head waits for: it is sent again with a new id.
	 */
	private void stopWaiting() {
		Entry head = this.queue.peek();
		if (head != null && head.inFlight) {
			head.inFlight = false;
			this.acks.forget(head.ackId);
		}
	}

	private void sendHead() {
		Entry head = this.queue.peek();
		if (head == null || !this.connected || head.inFlight) {
			return;
		}
		List<Object> payload = new ArrayList<>(head.event.arguments().size() + 1);
		payload.add(head.event.event());
		payload.addAll(head.event.arguments());
		long ackId = this.acks.nextId();
		EncodedPacket packet = this.host.encoder().encode(SocketPacketType.EVENT, this.namespace, ackId, payload);
		if (!this.host.sendPacket(packet)) {
			return;
		}
		this.host.observers().eventSent(this.namespace, head.event.event());
		head.tries++;
		head.ackId = ackId;
		head.inFlight = true;
		this.acks.expect(ackId, head.timeout, new InFlight(head, ackId));
	}

	private void acknowledged(Entry entry, long ackId, Arguments arguments) {
		if (!isInFlight(entry, ackId)) {
			return;
		}
		entry.inFlight = false;
		removeHead();
		this.host.observers().acknowledged(this.namespace, System.nanoTime() - entry.started, false);
		this.acks.completions().complete(entry.future, arguments);
		sendHead();
	}

	private void timedOut(Entry entry, long ackId) {
		if (!isInFlight(entry, ackId)) {
			return;
		}
		entry.inFlight = false;
		if (entry.tries > this.retries) {
			removeHead();
			this.host.observers().acknowledged(this.namespace, System.nanoTime() - entry.started, true);
			AckTimeoutException failure = new AckTimeoutException("operation has timed out: '" + entry.event.event()
					+ "' was not acknowledged after " + entry.tries + " tries in namespace '" + this.namespace + "'");
			this.acks.completions().fail(entry.future, failure);
		}
		sendHead();
	}

	private boolean isInFlight(Entry entry, long ackId) {
		return this.queue.peek() == entry && entry.inFlight && entry.ackId == ackId;
	}

	private void removeHead() {
		this.queue.poll();
		this.size.decrementAndGet();
	}

	private static final class Entry {

		final OutboundEvent event;

		final Duration timeout;

		final CompletableFuture<Arguments> future = new CompletableFuture<>();

		final long started = System.nanoTime();

		int tries;

		long ackId = -1;

		/** Whether the registry waits for the acknowledgement of {@link #ackId}. */
		boolean inFlight;

		Entry(OutboundEvent event, Duration timeout) {
			this.event = event;
			this.timeout = timeout;
		}

	}

	/**
	 * The acknowledgement of the head's latest try.
	 */
	private final class InFlight implements AckRegistry.Waiter {

		private final Entry entry;

		private final long ackId;

		InFlight(Entry entry, long ackId) {
			this.entry = entry;
			this.ackId = ackId;
		}

		@Override
		public void acknowledged(Arguments arguments) {
			RetryQueue.this.acknowledged(this.entry, this.ackId, arguments);
		}

		@Override
		public void timedOut() {
			RetryQueue.this.host.serial().execute(() -> RetryQueue.this.timedOut(this.entry, this.ackId));
		}

		@Override
		public boolean stopsWaitingOnConnectionLoss() {
			// The queue sends the head again once connected (see disconnected()).
			return false;
		}

		@Override
		public void connectionLost(DisconnectReason reason) {
		}

		@Override
		public void failed(SocketIoException failure) {
			// The queue fails its entries itself (see failAll()).
		}

	}

}
