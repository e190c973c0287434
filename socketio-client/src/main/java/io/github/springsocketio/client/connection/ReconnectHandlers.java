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

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

import io.github.springsocketio.client.Subscription;

/**
 * The reconnection callbacks of a client, run on the handler executor.
 */
final class ReconnectHandlers {

	private final List<IntConsumer> attempt = new CopyOnWriteArrayList<>();

	private final List<IntConsumer> reconnected = new CopyOnWriteArrayList<>();

	private final List<Runnable> failed = new CopyOnWriteArrayList<>();

	private final Executor executor;

	ReconnectHandlers(Executor executor) {
		this.executor = executor;
	}

	Subscription onAttempt(IntConsumer handler) {
		return add(this.attempt, handler);
	}

	Subscription onReconnected(IntConsumer handler) {
		return add(this.reconnected, handler);
	}

	Subscription onFailed(Runnable handler) {
		return add(this.failed, handler);
	}

	void attempt(int attempt) {
		this.attempt.forEach((handler) -> this.executor.execute(() -> handler.accept(attempt)));
	}

	void reconnected(int attempts) {
		this.reconnected.forEach((handler) -> this.executor.execute(() -> handler.accept(attempts)));
	}

	void failed() {
		this.failed.forEach(this.executor::execute);
	}

	private static <T> Subscription add(List<T> handlers, T handler) {
		handlers.add(Objects.requireNonNull(handler, "'handler' must not be null"));
		return () -> handlers.remove(handler);
	}

}
