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
package io.github.springsocketio.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketPacketType;
import org.jspecify.annotations.Nullable;

/**
 * The "guaranteed delivery" queue of a namespace when retries are on (the JavaScript client's
 * {@code retries}): every emit waits its turn, only the head is in flight, always with an ack id;
 * it is sent again after each ack timeout until acknowledged or out of retries, and again after
 * each reconnect. Emits arrive at least once and in order. Touched on the client's serial executor
 * only, except {@link #add}.
 */
final class RetryQueue {

	private final NamespaceHost client;

	private final String namespace;

	private final LongSupplier ackIds;

	private final int retries;

	private final Deque<Entry> queue = new ArrayDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	private boolean connected;

	RetryQueue(NamespaceHost client, String namespace, LongSupplier ackIds, int retries) {
		this.client = client;
		this.namespace = namespace;
		this.ackIds = ackIds;
		this.retries = retries;
	}

	/**
	 * Queues an emit; any thread.
	 * @return the acknowledgement's arguments, or the failure once out of retries
	 */
	CompletableFuture<Arguments> add(OutboundEvent event, Duration timeout) {
		int limit = this.client.options().sendBufferMaxPackets();
		if (this.size.incrementAndGet() > limit) {
			this.size.decrementAndGet();
			throw new SendBufferFullException("The retry queue of namespace '" + this.namespace + "' is full (" + limit
					+ " packets)");
		}
		Entry entry = new Entry(event, timeout);
		this.client.serial().execute(() -> {
			this.queue.add(entry);
			sendHead();
		});
		return entry.future;
	}

	void connected() {
		this.connected = true;
		Entry head = this.queue.peek();
		if (head != null) {
			head.stop();
		}
		sendHead();
	}

	void disconnected() {
		this.connected = false;
		Entry head = this.queue.peek();
		if (head != null) {
			head.stop();
		}
	}

	/**
	 * Takes an acknowledgement if it answers the packet in flight.
	 * @return whether it did
	 */
	boolean acknowledged(long ackId, Arguments arguments) {
		Entry head = this.queue.peek();
		if (head == null || head.ackId != ackId || head.timer == null) {
			return false;
		}
		head.stop();
		removeHead();
		this.client.observers().acknowledged(this.namespace, System.nanoTime() - head.started, false);
		this.client.handlerExecutor().execute(() -> head.future.complete(arguments));
		sendHead();
		return true;
	}

	void failAll(SocketIoException failure) {
		List<Entry> entries = new ArrayList<>(this.queue);
		this.queue.clear();
		this.size.set(0);
		for (Entry entry : entries) {
			entry.stop();
			this.client.handlerExecutor().execute(() -> entry.future.completeExceptionally(failure));
		}
	}

	private void sendHead() {
		Entry head = this.queue.peek();
		if (head == null || !this.connected || head.timer != null) {
			return;
		}
		List<Object> payload = new ArrayList<>(head.event.arguments().size() + 1);
		payload.add(head.event.event());
		payload.addAll(head.event.arguments());
		long ackId = this.ackIds.getAsLong();
		EncodedPacket packet = this.client.encoder().encode(SocketPacketType.EVENT, this.namespace, ackId, payload);
		if (!this.client.sendPacket(packet)) {
			return;
		}
		this.client.observers().eventSent(this.namespace, head.event.event());
		head.tries++;
		head.ackId = ackId;
		head.timer = this.client.scheduler()
			.schedule(() -> this.client.serial().execute(() -> timedOut(head, ackId)), head.timeout.toMillis(),
					TimeUnit.MILLISECONDS);
	}

	private void timedOut(Entry entry, long ackId) {
		if (this.queue.peek() != entry || entry.ackId != ackId || entry.timer == null) {
			return;
		}
		entry.timer = null;
		if (entry.tries > this.retries) {
			removeHead();
			this.client.observers().acknowledged(this.namespace, System.nanoTime() - entry.started, true);
			AckTimeoutException failure = new AckTimeoutException("operation has timed out: '" + entry.event.event()
					+ "' was not acknowledged after " + entry.tries + " tries in namespace '" + this.namespace + "'");
			this.client.handlerExecutor().execute(() -> entry.future.completeExceptionally(failure));
		}
		sendHead();
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

		@Nullable ScheduledFuture<?> timer;

		Entry(OutboundEvent event, Duration timeout) {
			this.event = event;
			this.timeout = timeout;
		}

		void stop() {
			if (this.timer != null) {
				this.timer.cancel(false);
				this.timer = null;
			}
		}

	}

}
