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
import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.client.AckTimeoutException;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.NotConnectedException;
import io.github.springsocketio.client.SocketIoException;
import io.github.springsocketio.client.concurrent.BatchedCompletions;

/**
 * The acknowledgement an emit waits for: completes its future, on the handler executor unless
 * only a caller blocked in {@code call} waits for it.
 */
final class EmitAck implements AckRegistry.Waiter {

	final long id;

	final Duration timeout;

	final CompletableFuture<Arguments> future = new CompletableFuture<>();

	private final NamespaceHost host;

	private final NamespaceOutbox outbox;

	private final BatchedCompletions completions;

	private final String namespace;

	private final boolean blockingCaller;

	private final long started = System.nanoTime();

	/** Whether the packet left the send buffer. */
	volatile boolean sent;

	EmitAck(NamespaceHost host, NamespaceOutbox outbox, String namespace, AckRegistry acks, Duration timeout,
			boolean blockingCaller) {
		this.host = host;
		this.outbox = outbox;
		this.namespace = namespace;
		this.id = acks.nextId();
		this.completions = acks.completions();
		this.timeout = timeout;
		this.blockingCaller = blockingCaller;
	}

	@Override
	public void acknowledged(Arguments arguments) {
		this.host.observers().acknowledged(this.namespace, System.nanoTime() - this.started, false);
		if (this.blockingCaller) {
			// Woken after the I/O thread let go, the caller's next emit runs on its own thread.
			this.host.serial().afterRelease(() -> this.future.complete(arguments));
		}
		else {
			this.completions.complete(this.future, arguments);
		}
	}

	@Override
	public void timedOut() {
		this.host.serial().execute(() -> this.outbox.drop(this));
		this.host.observers().acknowledged(this.namespace, System.nanoTime() - this.started, true);
		failed(new AckTimeoutException("operation has timed out: no acknowledgement within "
				+ this.timeout.toMillis() + " ms in namespace '" + this.namespace + "'"));
	}

	@Override
	public boolean stopsWaitingOnConnectionLoss() {
		// One still in the send buffer goes out once connected again.
		return this.sent;
	}

	@Override
	public void connectionLost(DisconnectReason reason) {
		failed(new NotConnectedException("socket has been disconnected (" + reason.wireName()
				+ ") before the acknowledgement arrived"));
	}

	@Override
	public void failed(SocketIoException failure) {
		this.completions.fail(this.future, failure);
	}

}
