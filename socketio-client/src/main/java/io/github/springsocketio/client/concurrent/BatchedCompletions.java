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
package io.github.springsocketio.client.concurrent;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Completes futures on an executor of the application's, so that their callbacks never run on an
 * I/O thread, with one hand-off per batch rather than one per future: futures to complete queue,
 * and a task on the executor completes them in arrival order, taking what arrives meanwhile too.
 * A hand-off per future cost about a tenth of the throughput of pipelined acknowledgements.
 * <p>
 * A callback that blocks, for instance on another future of the same queue, must not hold the
 * others: once a completion has run for {@link #STALL_MILLIS} with more waiting behind it,
 * another task takes over the queue (started by the next arrival, or by a timer armed while the
 * queue is not empty). The futures are still completed when the executor refuses the work: a
 * future left pending would hang whoever waits for it.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class BatchedCompletions {

	/** How long a completion may run before the next one goes to another task. */
	static final long STALL_MILLIS = 10;

	private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);

	private final Executor executor;

	private final ScheduledExecutorService scheduler;

	private final Queue<Completion> queue = new ConcurrentLinkedQueue<>();

	/** Tasks that take completions from the queue. */
	private final AtomicInteger drainers = new AtomicInteger();

	/**
	 * Tasks running {@link #drain}. A task handed to the executor but not started yet is no
	 * stall: the executor is merely late, and a second task would only race the first for the
	 * queue's order.
	 */
	private final AtomicInteger draining = new AtomicInteger();

	/** When a task was last started or took a completion ({@link System#nanoTime()}). */
	private volatile long progress;

	private final AtomicBoolean watching = new AtomicBoolean();

	/**
	 * Creates the completions of one owner (e.g. a namespace's acknowledgements).
	 * @param executor runs the completions, and with them the futures' callbacks
	 * @param scheduler runs the timer that notices a completion that blocks
	 */
	public BatchedCompletions(Executor executor, ScheduledExecutorService scheduler) {
		this.executor = executor;
		this.scheduler = scheduler;
	}

	/**
	 * Completes a future with a value on the executor.
	 * @param <T> the value's type
	 * @param future the future
	 * @param value the value
	 */
	public <T> void complete(CompletableFuture<T> future, T value) {
		enqueue(new Completion(future, () -> future.complete(value)));
	}

	/**
	 * Completes a future with a failure on the executor.
	 * @param future the future
	 * @param failure the failure
	 */
	public void fail(CompletableFuture<?> future, Throwable failure) {
		enqueue(new Completion(future, () -> future.completeExceptionally(failure)));
	}

	private void enqueue(Completion completion) {
		this.queue.offer(completion);
		if (this.drainers.compareAndSet(0, 1) || stalled()) {
			startDrainer();
		}
		else {
			watch();
		}
	}

	private boolean stalled() {
		if (this.draining.get() == 0 || System.nanoTime() - this.progress - STALL_NANOS <= 0
				|| this.queue.isEmpty()) {
			return false;
		}
		this.drainers.incrementAndGet();
		return true;
	}

	/** Runs {@link #drain} on the executor, counted in {@link #drainers} already. */
	private void startDrainer() {
		this.progress = System.nanoTime();
		try {
			this.executor.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			this.drainers.decrementAndGet();
			Completion refused;
			while ((refused = this.queue.poll()) != null) {
				refused.future.completeExceptionally(new RejectedExecutionException(
						"The handler executor refused to complete the future (is it shut down?)", ex));
			}
		}
	}

	private void drain() {
		this.progress = System.nanoTime();
		this.draining.incrementAndGet();
		try {
			drainQueue();
		}
		finally {
			this.draining.decrementAndGet();
		}
	}

	private void drainQueue() {
		for (;;) {
			Completion next;
			while ((next = this.queue.poll()) != null) {
				this.progress = System.nanoTime();
				next.action.run();
			}
			this.drainers.decrementAndGet();
			if (this.queue.isEmpty()) {
				return;
			}
			// Arrived after the last poll: this task takes it unless another one is counted.
			if (!this.drainers.compareAndSet(0, 1)) {
				watch();
				return;
			}
		}
	}

	/** Arms the timer that starts another task should a running completion block the queue. */
	private void watch() {
		if (!this.watching.compareAndSet(false, true)) {
			return;
		}
		try {
			this.scheduler.schedule(() -> {
				this.watching.set(false);
				if (stalled()) {
					startDrainer();
				}
				if (!this.queue.isEmpty()) {
					watch();
				}
			}, STALL_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The client is closed: nothing more arrives, and what runs finishes on its own.
			this.watching.set(false);
		}
	}

	private record Completion(CompletableFuture<?> future, Runnable action) {

	}

}
