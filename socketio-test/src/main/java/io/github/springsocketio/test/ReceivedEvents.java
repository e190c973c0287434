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
package io.github.springsocketio.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.springsocketio.client.Arguments;

/**
 * The events clients sent to one namespace that no {@code awaitEvent} took yet, so that a test
 * awaiting an event gets it whether it arrived before or after the call. Bounded: past
 * {@link #CAPACITY} events the oldest are forgotten.
 */
final class ReceivedEvents {

	static final int CAPACITY = 10_000;

	private final Deque<Received> events = new ArrayDeque<>();

	private final Map<String, Integer> seen = new LinkedHashMap<>();

	synchronized void add(String event, Arguments args) {
		if (this.events.size() == CAPACITY) {
			this.events.removeFirst();
		}
		this.events.addLast(new Received(event, args));
		this.seen.merge(event, 1, Integer::sum);
		notifyAll();
	}

	synchronized Arguments await(String namespace, String event, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (var iterator = this.events.iterator(); iterator.hasNext();) {
				Received next = iterator.next();
				if (next.event().equals(event)) {
					iterator.remove();
					return next.args();
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("No event '" + event + "' reached namespace " + namespace + " within "
						+ timeout + "; events received there so far: " + this.seen);
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while awaiting event '" + event + "'", ex);
			}
		}
	}

	private record Received(String event, Arguments args) {
	}

}
