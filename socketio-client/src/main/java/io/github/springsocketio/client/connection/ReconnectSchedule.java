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
package io.github.springsocketio.client.connection;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import io.github.springsocketio.client.Reconnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * When a connection tries again: the attempts since it was last connected, and the timer of the
 * next one, after the {@link Reconnection} policy's delay. Touched on the connection's serial
 * executor only.
 */
final class ReconnectSchedule {

	private static final Log logger = LogFactory.getLog(ReconnectSchedule.class);

	private final Reconnection policy;

	private final ScheduledExecutorService scheduler;

	private final Executor serial;

	private final String loggedUrl;

	private @Nullable ScheduledFuture<?> timer;

	private int attempts;

	ReconnectSchedule(Reconnection policy, ScheduledExecutorService scheduler, Executor serial, String loggedUrl) {
		this.policy = policy;
		this.scheduler = scheduler;
		this.serial = serial;
		this.loggedUrl = loggedUrl;
	}

	/**
	 * Schedules the next attempt, unless the policy allows no more.
	 * @param attempt runs the attempt on the serial executor, given its number, unless cancelled before
	 * @return whether an attempt was scheduled
	 */
	boolean scheduleNext(IntConsumer attempt) {
		int number = ++this.attempts;
		if (this.policy.attempts() >= 0 && number > this.policy.attempts()) {
			logger.warn("Giving up reconnecting to " + this.loggedUrl + " after " + (number - 1) + " attempt(s)");
			return false;
		}
		Duration delay = this.policy.delayBefore(number, ThreadLocalRandom.current().nextDouble());
		logger.info("Reconnecting to " + this.loggedUrl + " in " + delay.toMillis() + " ms (attempt " + number + ")");
		this.timer = this.scheduler.schedule(() -> this.serial.execute(() -> {
			if (this.timer != null) {
				this.timer = null;
				attempt.accept(number);
			}
		}), delay.toMillis(), TimeUnit.MILLISECONDS);
		return true;
	}

	/**
	 * Cancels the scheduled attempt, if any.
	 * @return whether one was scheduled
	 */
	boolean cancel() {
		if (this.timer == null) {
			return false;
		}
		this.timer.cancel(false);
		this.timer = null;
		return true;
	}

	/**
	 * Starts counting again, after a connect.
	 * @return the attempts it took
	 */
	int reset() {
		int made = this.attempts;
		this.attempts = 0;
		return made;
	}

}
