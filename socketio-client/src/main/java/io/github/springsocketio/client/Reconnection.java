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
import java.util.Objects;

/**
 * How a client reconnects after losing its connection: exponential backoff with jitter, as the
 * JavaScript client does. Immutable.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class Reconnection {

	private static final Reconnection DEFAULTS = exponential(Duration.ofSeconds(1), Duration.ofSeconds(5));

	private static final Reconnection DISABLED = new Reconnection(false, DEFAULTS.delay, DEFAULTS.maxDelay, 0, 0);

	private final boolean enabled;

	private final Duration delay;

	private final Duration maxDelay;

	private final int attempts;

	private final double randomizationFactor;

	private Reconnection(boolean enabled, Duration delay, Duration maxDelay, int attempts, double randomizationFactor) {
		this.enabled = enabled;
		this.delay = delay;
		this.maxDelay = maxDelay;
		this.attempts = attempts;
		this.randomizationFactor = randomizationFactor;
	}

	/**
	 * Exponential backoff: the first delay, doubled for every further attempt up to the maximum,
	 * unlimited attempts and a randomization factor of 0.5.
	 * @param delay the first delay
	 * @param maxDelay the longest delay
	 * @return the policy
	 */
	public static Reconnection exponential(Duration delay, Duration maxDelay) {
		Objects.requireNonNull(delay, "'delay' must not be null");
		Objects.requireNonNull(maxDelay, "'maxDelay' must not be null");
		if (delay.isNegative() || delay.isZero()) {
			throw new IllegalArgumentException("The reconnection delay must be positive, not " + delay);
		}
		if (maxDelay.compareTo(delay) < 0) {
			throw new IllegalArgumentException(
					"The maximum reconnection delay " + maxDelay + " must not be shorter than the delay " + delay);
		}
		return new Reconnection(true, delay, maxDelay, -1, 0.5);
	}

	/**
	 * The policy of a client that sets none: exponential backoff from 1 s to 5 s, unlimited
	 * attempts, a randomization factor of 0.5.
	 * @return the policy
	 */
	public static Reconnection defaults() {
		return DEFAULTS;
	}

	/**
	 * No reconnection.
	 * @return the policy
	 */
	public static Reconnection disabled() {
		return DISABLED;
	}

	/**
	 * A copy with a limit on the attempts after one loss of connection.
	 * @param attempts the number of attempts, -1 for unlimited
	 * @return the copy
	 */
	public Reconnection withAttempts(int attempts) {
		if (attempts < -1) {
			throw new IllegalArgumentException("The reconnection attempts must be -1 (unlimited) or more, not " + attempts);
		}
		return new Reconnection(this.enabled, this.delay, this.maxDelay, attempts, this.randomizationFactor);
	}

	/**
	 * A copy with another jitter: each delay varies by up to this fraction of itself.
	 * @param randomizationFactor the factor, from 0 to 1
	 * @return the copy
	 */
	public Reconnection withRandomizationFactor(double randomizationFactor) {
		if (!(randomizationFactor >= 0 && randomizationFactor <= 1)) {
			throw new IllegalArgumentException(
					"The randomization factor must be between 0 and 1, not " + randomizationFactor);
		}
		return new Reconnection(this.enabled, this.delay, this.maxDelay, this.attempts, randomizationFactor);
	}

	/**
	 * Whether the client reconnects at all.
	 * @return whether reconnection is enabled
	 */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * The first delay.
	 * @return the delay
	 */
	public Duration delay() {
		return this.delay;
	}

	/**
	 * The longest delay.
	 * @return the delay
	 */
	public Duration maxDelay() {
		return this.maxDelay;
	}

	/**
	 * The number of attempts after one loss of connection.
	 * @return the attempts, -1 for unlimited
	 */
	public int attempts() {
		return this.attempts;
	}

	/**
	 * The jitter.
	 * @return the randomization factor
	 */
	public double randomizationFactor() {
		return this.randomizationFactor;
	}

	/**
	 * The delay before an attempt: {@code delay * 2^(attempt - 1)}, varied by the randomization
	 * factor, and capped at the maximum.
	 * @param attempt the attempt, from 1
	 * @param random a random number in [0, 1)
	 * @return the delay
	 */
	public Duration delayBefore(int attempt, double random) {
		double base = this.delay.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
		if (this.randomizationFactor > 0) {
			double deviation = Math.floor(random * this.randomizationFactor * base);
			base = (((int) Math.floor(random * 10) & 1) == 0) ? base - deviation : base + deviation;
		}
		return Duration.ofMillis((long) Math.min(base, this.maxDelay.toMillis()));
	}

	@Override
	public String toString() {
		return this.enabled ? "Reconnection[delay=" + this.delay + ", maxDelay=" + this.maxDelay + ", attempts="
				+ this.attempts + ", randomizationFactor=" + this.randomizationFactor + "]" : "Reconnection[disabled]";
	}

}
