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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoException;
import io.github.springsocketio.client.concurrent.BatchedCompletions;

/**
 * The acknowledgements a namespace waits for, by ack id: those of plain emits and the one of the
 * retry queue's emit in flight. The ids come from one sequence, one timer sweeps every deadline,
 * and whoever takes an entry out of the registry first (its ack, its timeout, a lost connection or
 * the close) is the one that tells its waiter, so each waiter hears exactly one outcome. The
 * waiters complete their futures through the registry's {@link #completions()}.
 */
final class AckRegistry {

	private final AtomicLong ids = new AtomicLong();

	private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

	private final AckTimeoutSweeper sweeper;

	private final BatchedCompletions completions;

	/**
	 * Creates a registry.
	 * @param scheduler runs the timeout timer
	 * @param handlerExecutor completes the waiters' futures
	 */
	AckRegistry(ScheduledExecutorService scheduler, Executor handlerExecutor) {
		this.sweeper = new AckTimeoutSweeper(scheduler, this::timeOutDue);
		this.completions = new BatchedCompletions(handlerExecutor, scheduler);
	}

	/**
	 * Completes the futures of the namespace's acknowledged emits off the I/O threads.
	 * @return the completions
	 */
	BatchedCompletions completions() {
		return this.completions;
	}

	/**
	 * The next ack id; any thread.
	 * @return the id
	 */
	long nextId() {
		return this.ids.getAndIncrement();
	}

	/**
	 * Waits for an acknowledgement; any thread.
	 * @param id its ack id, from {@link #nextId()}
	 * @param timeout how long to wait
	 * @param waiter what to tell
	 */
	void expect(long id, Duration timeout, Waiter waiter) {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.entries.put(id, new Entry(id, deadline, waiter));
		this.sweeper.expectBy(deadline);
	}

	/**
	 * Stops waiting for an acknowledgement without telling its waiter.
	 * @param id the ack id
	 */
	void forget(long id) {
		this.entries.remove(id);
	}

	/**
	 * An acknowledgement arrived.
	 * @param id its ack id
	 * @param arguments its arguments
	 * @return false when nobody waits for that id (unknown, timed out or failed already)
	 */
	boolean acknowledged(long id, Arguments arguments) {
		Entry entry = this.entries.remove(id);
		if (entry == null) {
			return false;
		}
		entry.waiter.acknowledged(arguments);
		return true;
	}

	/**
	 * The connection was lost: each waiter decides whether its acknowledgement can still come.
	 * @param reason why
	 */
	void connectionLost(DisconnectReason reason) {
		for (Entry entry : this.entries.values()) {
			if (entry.waiter.stopsWaitingOnConnectionLoss() && this.entries.remove(entry.id, entry)) {
				entry.waiter.connectionLost(reason);
			}
		}
	}

	/**
	 * Nothing will be acknowledged any more, e.g. the client was closed.
	 * @param failure what the waiters fail with
	 */
	void failAll(SocketIoException failure) {
		for (Entry entry : this.entries.values()) {
			if (this.entries.remove(entry.id, entry)) {
				entry.waiter.failed(failure);
			}
		}
	}

	/**
	 * How many acknowledgements are awaited.
	 * @return the count
	 */
	int size() {
		return this.entries.size();
	}

	/**
	 * Tells the waiters whose deadline passed.
	 * @return the next deadline, or {@code Long.MAX_VALUE} when nothing is awaited
	 */
	private long timeOutDue(long now) {
		long next = Long.MAX_VALUE;
		for (Entry entry : this.entries.values()) {
			if (entry.deadline - now <= 0) {
				if (this.entries.remove(entry.id, entry)) {
					entry.waiter.timedOut();
				}
			}
			else if (next == Long.MAX_VALUE || entry.deadline - next < 0) {
				next = entry.deadline;
			}
		}
		return next;
	}

	/**
	 * Who waits for an acknowledgement; hears exactly one of its outcomes.
	 */
	interface Waiter {

		/**
		 * The acknowledgement arrived; on the connection's serial executor.
		 * @param arguments its arguments
		 */
		void acknowledged(Arguments arguments);

		/**
		 * The deadline passed; on the timer thread.
		 */
		void timedOut();

		/**
		 * Whether the acknowledgement can no longer come once the connection is lost, e.g.
		 * because its packet was sent on that connection.
		 * @return whether to stop waiting then
		 */
		boolean stopsWaitingOnConnectionLoss();

		/**
		 * The connection was lost, and this waiter stops waiting.
		 * @param reason why
		 */
		void connectionLost(DisconnectReason reason);

		/**
		 * Nothing will be acknowledged any more.
		 * @param failure why
		 */
		void failed(SocketIoException failure);

	}

	private record Entry(long id, long deadline, Waiter waiter) {

	}

}
