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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.springsocketio.client.InboundOverflow;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The received events of a namespace that wait for its handlers, bounded: past the limit the
 * connection stops reading ({@link InboundOverflow#PAUSE}) until the handlers worked the backlog
 * down to half of it, or the newest event is dropped ({@link InboundOverflow#DROP}). What was read
 * before reading stopped still queues (a WebSocket message, or a polling payload with what the
 * server held since the last poll), up to {@link #READ_AHEAD} events beyond the limit; past that
 * events are dropped too, so that a transport that cannot stop reading does not fill the heap.
 */
final class InboundBacklog {

	private static final Log logger = LogFactory.getLog(InboundBacklog.class);

	static final String OVERFLOW = "overflow";

	/** How many events beyond the limit may still queue under {@link InboundOverflow#PAUSE}. */
	static final int READ_AHEAD = 100_000;

	private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

	private final NamespaceHost host;

	private final String namespace;

	private final int limit;

	private final InboundOverflow overflow;

	/** Where {@link InboundOverflow#PAUSE} drops too. */
	private final long hardLimit;

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicBoolean pausing = new AtomicBoolean();

	private final AtomicLong droppedSinceWarning = new AtomicLong();

	private final AtomicLong lastWarning;

	InboundBacklog(NamespaceHost host, String namespace) {
		this.host = host;
		this.namespace = namespace;
		this.limit = host.options().maxPendingInboundEvents();
		this.overflow = host.options().inboundOverflow();
		this.hardLimit = (long) this.limit + Math.max(this.limit, READ_AHEAD);
		this.lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL);
	}

	/**
	 * An event arrived, on the connection's serial executor.
	 * @param event the event's name
	 * @return whether it goes to the handlers, which call {@link #handled()} once done with it
	 */
	boolean admit(String event) {
		int now = this.pending.incrementAndGet();
		if (now <= this.limit) {
			return true;
		}
		if (this.overflow == InboundOverflow.PAUSE && now <= this.hardLimit) {
			this.pausing.set(true);
			this.host.pauseReading();
			return true;
		}
		this.pending.decrementAndGet();
		dropped(event);
		return false;
	}

	/**
	 * The handlers are done with an event; any thread.
	 */
	void handled() {
		int now = this.pending.decrementAndGet();
		if (now <= this.limit / 2 && this.pausing.compareAndSet(true, false)) {
			this.host.resumeReading();
		}
	}

	/**
	 * Whether this namespace keeps the connection from reading; any thread.
	 * @return whether its backlog is past the limit and not yet half drained
	 */
	boolean isPausing() {
		return this.pausing.get();
	}

	/**
	 * How many events wait for the handlers; any thread.
	 * @return the count
	 */
	int pending() {
		return this.pending.get();
	}

	private void dropped(String event) {
		this.host.observers().eventDropped(this.namespace, event, OVERFLOW);
		long dropped = this.droppedSinceWarning.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last >= WARNING_INTERVAL && this.lastWarning.compareAndSet(last, now)) {
			this.droppedSinceWarning.addAndGet(-dropped);
			logger.warn(dropped + " event(s) received in namespace '" + this.namespace
					+ "' were dropped: its handlers are more than " + this.limit
					+ " events behind (max-pending-events, overflow " + this.overflow + ")");
		}
	}

}
