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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks one at a time, in submission order, on threads of another executor, without holding
 * one of its threads while idle. A task that throws is logged and does not stop the ones after it.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class SerialExecutor implements Executor {

	private static final Log logger = LogFactory.getLog(SerialExecutor.class);

	/** Most tasks one turn runs before what is left goes to another turn on the executor. */
	static final int BATCH = 256;

	private final Executor executor;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile Thread runner;

	private final Runnable run = this::run;

	private final Runnable submit = this::submit;

	/** What the running task asked to run once it let go; only the runner touches it. */
	private @Nullable List<Runnable> afterRelease;

	/**
	 * Creates a serial executor.
	 * @param executor the executor whose threads run the tasks
	 */
	public SerialExecutor(Executor executor) {
		this.executor = executor;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.offer(task);
		schedule();
	}

	/**
	 * Runs a task on the calling thread when the executor is idle, which saves a hand-off to
	 * another thread; otherwise queues it as {@link #execute} does. What other threads queue
	 * meanwhile runs here too, up to a batch: the I/O thread receiving and an application thread
	 * emitting take turns on the executor all the time, and handing the loser's task to another
	 * thread cost a wake-up each time (in pipelined acknowledgements, one per 17 acks).
	 * Tasks still run one at a time and in order. Only for tasks that do not block.
	 * @param task the task
	 */
	public void executeHere(Runnable task) {
		if (!this.tasks.isEmpty() || !this.scheduled.compareAndSet(false, true)) {
			execute(task);
			return;
		}
		this.runner = Thread.currentThread();
		try {
			runTask(task);
			runQueued();
		}
		finally {
			release();
		}
	}

	/**
	 * Runs an action once the running task has let go of this executor, on the same thread; at
	 * once when called from outside a task. For waking a thread that waits for the task's result:
	 * woken inside the task, it would find the executor busy with its next task, which would queue
	 * and be handed to another thread instead of running on its own.
	 * @param action the action, which must not block
	 */
	public void afterRelease(Runnable action) {
		if (!inExecutor()) {
			runTask(action);
			return;
		}
		if (this.afterRelease == null) {
			this.afterRelease = new ArrayList<>(2);
		}
		this.afterRelease.add(action);
	}

	/**
	 * Runs a task on this executor and waits for it, at most {@code limit}; runs it at once when
	 * called from a task of this executor.
	 * @param task the task
	 * @param limit how long to wait
	 * @return whether the task ran in time
	 */
	public boolean runAndWait(Runnable task, Duration limit) {
		if (inExecutor()) {
			task.run();
			return true;
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		execute(() -> {
			try {
				task.run();
			}
			finally {
				done.complete(null);
			}
		});
		DeferredHandOffs.flush();
		return BoundedWait.await(done, limit);
	}

	/**
	 * Whether the calling thread is running a task of this executor.
	 * @return whether the caller runs inside this executor
	 */
	public boolean inExecutor() {
		return this.runner == Thread.currentThread();
	}

	/** Hands the queued tasks to the executor, at the end of the caller's read if it defers. */
	private void schedule() {
		if (this.scheduled.compareAndSet(false, true)) {
			DeferredHandOffs.handOff(this.submit);
		}
	}

	private void submit() {
		try {
			this.executor.execute(this.run);
		}
		catch (RejectedExecutionException ex) {
			this.scheduled.set(false);
			logger.debug("Dropping tasks: the executor was shut down");
			this.tasks.clear();
		}
	}

	private void run() {
		this.runner = Thread.currentThread();
		try {
			runQueued();
		}
		finally {
			release();
		}
	}

	/** Runs up to a batch of queued tasks; what is left goes to the executor at release. */
	private void runQueued() {
		for (int i = 0; i < BATCH; i++) {
			Runnable task = this.tasks.poll();
			if (task == null) {
				return;
			}
			runTask(task);
		}
	}

	private static void runTask(Runnable task) {
		try {
			task.run();
		}
		catch (Throwable ex) {
			logger.error("Task failed", ex);
		}
	}

	/**
	 * Lets the next thread in, hands what was queued meanwhile to the executor, then runs what the
	 * task left to run after.
	 */
	private void release() {
		List<Runnable> actions = this.afterRelease;
		this.afterRelease = null;
		this.runner = null;
		this.scheduled.set(false);
		if (!this.tasks.isEmpty()) {
			schedule();
		}
		if (actions != null) {
			actions.forEach(SerialExecutor::runTask);
		}
	}

}
