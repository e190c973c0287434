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
import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.client.SocketIoConnectException;

/**
 * The callers waiting for a client connect to complete; touched on the connection's serial
 * executor only.
 */
final class ConnectWaiters {

	private final List<CompletableFuture<Void>> waiters = new ArrayList<>();

	void add(CompletableFuture<Void> waiter) {
		this.waiters.add(waiter);
	}

	boolean isEmpty() {
		return this.waiters.isEmpty();
	}

	/**
	 * Whether every waiter but the given one is done.
	 * @param waiter the waiter
	 * @return whether it is the only one still waiting
	 */
	boolean onlyOneWaiting(CompletableFuture<Void> waiter) {
		return this.waiters.stream().allMatch((each) -> each == waiter || each.isDone());
	}

	void completeAll() {
		this.waiters.forEach((waiter) -> waiter.complete(null));
		this.waiters.clear();
	}

	void failAll(SocketIoConnectException failure) {
		this.waiters.forEach((waiter) -> waiter.completeExceptionally(failure));
		this.waiters.clear();
	}

}
