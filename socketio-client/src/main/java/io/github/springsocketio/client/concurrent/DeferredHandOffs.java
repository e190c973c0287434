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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Hand-offs to other threads that wait until the current thread has worked through one read from
 * the network. An I/O thread that hands each received event to a handler thread as it decodes it
 * wakes that thread again and again: the awakened thread empties the queue faster than the I/O
 * thread fills it, lets go, and the next event wakes it anew. Deferred to the end of the read,
 * a burst wakes each executor once.
 * <p>
 * Only {@link SerialExecutor} defers, and only between {@link #begin()} and {@link #end()} on the
 * same thread, which a transport calls around a read (not nested: the first {@code end} ends it).
 * {@link BatchedCompletions} does not: a sender that keeps a window of acknowledgements in flight
 * would see none of a read's until the whole read is worked through, its window empty meanwhile
 * (deferring them saved wake-ups but no throughput in pipelined acks, and one run measured S3 on
 * Netty at 0.72× the limit, its lowest). A hand-off that someone waits for on this thread must
 * not be deferred, and is not: {@link SerialExecutor#runAndWait} makes the deferred ones at once.
 * A transport ends the deferral on every way out of a read: its end, an error, the connection's
 * loss.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class DeferredHandOffs {

	/** Set on a thread once it first defers: the threads that never do (handlers) hold nothing. */
	private static final ThreadLocal<@Nullable Pending> PENDING = new ThreadLocal<>();

	private DeferredHandOffs() {
	}

	/**
	 * Defers this thread's hand-offs until {@link #end()}; nothing happens if they are deferred
	 * already.
	 */
	public static void begin() {
		Pending pending = PENDING.get();
		if (pending == null) {
			pending = new Pending();
			PENDING.set(pending);
		}
		pending.open = true;
	}

	/**
	 * Makes the hand-offs deferred since {@link #begin()}, in their order, and stops deferring.
	 * Harmless when nothing was begun.
	 */
	public static void end() {
		Pending pending = PENDING.get();
		if (pending != null) {
			pending.open = false;
			pending.makeAll();
		}
	}

	/**
	 * Makes the hand-offs deferred so far, at once, for a caller about to wait for one of them.
	 */
	static void flush() {
		Pending pending = PENDING.get();
		if (pending != null) {
			pending.makeAll();
		}
	}

	/**
	 * Makes a hand-off now, or at {@link #end()} when this thread defers them.
	 * @param handOff the hand-off
	 */
	static void handOff(Runnable handOff) {
		Pending pending = PENDING.get();
		if (pending != null && pending.open) {
			pending.handOffs.add(handOff);
		}
		else {
			handOff.run();
		}
	}

	private static final class Pending {

		private boolean open;

		private final List<Runnable> handOffs = new ArrayList<>();

		private void makeAll() {
			RuntimeException failure = null;
			// Every hand-off is made, even after one failed: one skipped would leave its executor
			// idle with work queued. One added meanwhile (an executor that runs its task on the
			// calling thread) is made in the same loop.
			for (int i = 0; i < this.handOffs.size(); i++) {
				try {
					this.handOffs.get(i).run();
				}
				catch (RuntimeException ex) {
					if (failure == null) {
						failure = ex;
					}
				}
			}
			this.handOffs.clear();
			if (failure != null) {
				throw failure;
			}
		}

	}

}
