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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.InboundEvent;
import io.github.springsocketio.client.SocketIoException;
import io.github.springsocketio.client.SocketIoSocket;

/**
 * The events of a namespace that no handler took, for {@link SocketIoSocket#receive(Duration)} (as
 * python-socketio's {@code SimpleClient.receive}): in arrival order, the newest {@value #LIMIT}
 * kept; an older one pushed out is counted as dropped with reason {@code unreceived}.
 */
final class UnreceivedEvents {

	static final int LIMIT = 1_000;

	static final String UNRECEIVED = "unreceived";

	private final BlockingDeque<InboundEvent> events = new LinkedBlockingDeque<>(LIMIT);

	private final NamespaceHost host;

	private final String namespace;

	UnreceivedEvents(NamespaceHost host, String namespace) {
		this.host = host;
		this.namespace = namespace;
	}

	/**
	 * Keeps an event that no handler took; any thread.
	 * @param event the event
	 */
	void add(InboundEvent event) {
		while (!this.events.offerLast(event)) {
			InboundEvent oldest = this.events.pollFirst();
			if (oldest != null) {
				this.host.observers().eventDropped(this.namespace, oldest.event(), UNRECEIVED);
			}
		}
	}

	/**
	 * Takes the oldest event that no handler took, waiting for one at most {@code timeout}.
	 * @param timeout how long to wait; zero does not wait
	 * @return the event, or empty when none came in time
	 */
	Optional<InboundEvent> receive(Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("'timeout' must not be negative, not " + timeout);
		}
		try {
			return Optional.ofNullable(this.events.pollFirst(timeout.toNanos(), TimeUnit.NANOSECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while waiting for an event of namespace '" + this.namespace + "'",
					ex);
		}
	}

}
