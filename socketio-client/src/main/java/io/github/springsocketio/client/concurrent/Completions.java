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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Completes futures on an executor of the application's (their callbacks never run on an I/O
 * thread), and still completes them when that executor refuses the work: a future left pending
 * would hang whoever waits for it.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class Completions {

	private Completions() {
	}

	/**
	 * Completes a future with a value on an executor.
	 * @param <T> the value's type
	 * @param executor the executor
	 * @param future the future
	 * @param value the value
	 */
	public static <T> void complete(Executor executor, CompletableFuture<T> future, T value) {
		run(executor, future, () -> future.complete(value));
	}

	/**
	 * Completes a future with a failure on an executor.
	 * @param executor the executor
	 * @param future the future
	 * @param failure the failure
	 */
	public static void fail(Executor executor, CompletableFuture<?> future, Throwable failure) {
		run(executor, future, () -> future.completeExceptionally(failure));
	}

	private static void run(Executor executor, CompletableFuture<?> future, Runnable completion) {
		try {
			executor.execute(completion);
		}
		catch (RejectedExecutionException ex) {
			future.completeExceptionally(new RejectedExecutionException(
					"The handler executor refused to complete the future (is it shut down?)", ex));
		}
	}

}
