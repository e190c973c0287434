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

import java.util.ArrayList;
import java.util.List;

import io.github.springsocketio.client.Transport;

/**
 * Which of the configured transports a connection attempt opens with, and why the ones tried
 * before could not be opened (the JavaScript client's {@code tryAllTransports}).
 */
final class TransportFallback {

	private final List<Transport> transports;

	private final List<String> failures = new ArrayList<>();

	private int index;

	TransportFallback(List<Transport> transports) {
		this.transports = transports;
	}

	/**
	 * The transport to open now.
	 * @return the transport
	 */
	Transport current() {
		return this.transports.get(this.index);
	}

	/**
	 * Whether another transport is left to try in this attempt.
	 * @return whether one is left
	 */
	boolean hasNext() {
		return this.index + 1 < this.transports.size();
	}

	/**
	 * Notes why the current transport failed and moves to the next.
	 * @param failure why it failed
	 * @return the next transport
	 */
	Transport next(String failure) {
		this.failures.add(current().wireName() + ": " + failure);
		this.index++;
		return current();
	}

	/**
	 * Why the attempt failed: the last failure, after those of the transports tried before; and
	 * starts again with the first transport.
	 * @param failure why the current transport failed
	 * @return the description
	 */
	String failed(String failure) {
		String description = failure;
		if (!this.failures.isEmpty()) {
			this.failures.add(current().wireName() + ": " + failure);
			description = String.join("; ", this.failures);
		}
		restart();
		return description;
	}

	/**
	 * Starts a new attempt with the first transport.
	 */
	void restart() {
		this.failures.clear();
		this.index = 0;
	}

}
