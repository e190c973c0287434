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

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * Times out the pending acknowledgements of a namespace with one timer at a time instead of one
 * per emit: the timer fires at the earliest deadline, the sweep times out what is due and names
 * the next deadline. Scheduling and cancelling a timer per emit woke the timer thread for each.
 */
final class AckTimeoutSweeper {

	private static final long NONE = Long.MAX_VALUE;

	private final ScheduledExecutorService scheduler;

	private final LongUnaryOperator sweep;

	/** The deadline of the timer that is scheduled, or {@link #NONE}. */
	private final AtomicLong nextCheck = new AtomicLong(NONE);

	/**
	 * Creates a sweeper.
	 * @param scheduler runs the timer
	 * @param sweep given {@link System#nanoTime()}, times out what is due and returns the next
	 * deadline, or {@link Long#MAX_VALUE} when nothing is pending
	 */
	AckTimeoutSweeper(ScheduledExecutorService scheduler, LongUnaryOperator sweep) {
		this.scheduler = scheduler;
		this.sweep = sweep;
	}

	/**
	 * Makes sure that a sweep runs at the latest at a deadline.
	 * @param deadline the deadline, in {@link System#nanoTime()} terms
	 */
	void expectBy(long deadline) {
		for (;;) {
			long current = this.nextCheck.get();
			if (current != NONE && current - deadline <= 0) {
				return;
			}
			if (this.nextCheck.compareAndSet(current, deadline)) {
				try {
					this.scheduler.schedule(() -> check(deadline), Math.max(0, deadline - System.nanoTime()),
							TimeUnit.NANOSECONDS);
				}
				catch (RejectedExecutionException ex) {
					// The client is closed; its pending acknowledgements were failed.
				}
				return;
			}
		}
	}

	private void check(long deadline) {
		// A timer whose deadline is no longer the next one was superseded by an earlier one.
		if (this.nextCheck.compareAndSet(deadline, NONE)) {
			long next = this.sweep.applyAsLong(System.nanoTime());
			if (next != NONE) {
				expectBy(next);
			}
		}
	}

}
