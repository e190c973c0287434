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
package io.github.springsocketio.client.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The server's heartbeat as a session watches it (Engine.IO 4: the server pings): expired once
 * no ping came within ping interval plus ping timeout, which the timer reports and a send checks,
 * so that nothing is written to a dead connection after this JVM was paused. Touched on the
 * session's serial executor only.
 */
final class Heartbeat {

	private final ScheduledExecutorService scheduler;

	private final Executor serial;

	private final Runnable expired;

	private long timeoutMillis;

	private long deadline;

	private @Nullable ScheduledFuture<?> timer;

	/**
	 * Creates a heartbeat; {@link #start} starts it.
	 * @param scheduler runs the timer
	 * @param serial the session's serial executor
	 * @param expired runs on the serial executor when the deadline passed
	 */
	Heartbeat(ScheduledExecutorService scheduler, Executor serial, Runnable expired) {
		this.scheduler = scheduler;
		this.serial = serial;
		this.expired = expired;
	}

	/**
	 * Starts watching.
	 * @param pingInterval the server's ping interval in milliseconds
	 * @param pingTimeout the server's ping timeout in milliseconds
	 */
	void start(long pingInterval, long pingTimeout) {
		this.timeoutMillis = pingInterval + pingTimeout;
		pinged();
	}

	/**
	 * The server pinged: the deadline moves.
	 */
	void pinged() {
		this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.timeoutMillis);
		stop();
		this.timer = this.scheduler.schedule(() -> this.serial.execute(() -> {
			if (isExpired()) {
				this.expired.run();
			}
		}), this.timeoutMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether the deadline passed.
	 * @return whether the server is overdue
	 */
	boolean isExpired() {
		return this.timer != null && System.nanoTime() - this.deadline >= 0;
	}

	/**
	 * Stops watching.
	 */
	void stop() {
		ScheduledFuture<?> current = this.timer;
		if (current != null) {
			current.cancel(false);
			this.timer = null;
		}
	}

}
