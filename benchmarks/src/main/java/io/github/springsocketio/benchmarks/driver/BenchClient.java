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
package io.github.springsocketio.benchmarks.driver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The operations the scenarios need from a client library, on one connection.
 */
interface BenchClient {

	/**
	 * Sends an event without an acknowledgement.
	 * @param event the event
	 * @param args its arguments
	 */
	void emit(String event, Object... args);

	/**
	 * Sends an event and asks for an acknowledgement.
	 * @param event the event
	 * @param args its arguments
	 * @return the acknowledgement's first argument as a number ({@code stats}: its {@code count})
	 */
	CompletableFuture<Long> call(String event, Object... args);

	/**
	 * Sends an event and waits for its acknowledgement, with the library's blocking API where it
	 * has one.
	 * @param event the event
	 * @param args its arguments
	 * @return the acknowledgement's first argument as a number
	 * @throws Exception when it failed
	 */
	default long callAndWait(String event, Object... args) throws Exception {
		return call(event, args).get(60, TimeUnit.SECONDS);
	}

	/**
	 * Calls a handler for each arrival of an event.
	 * @param event the event
	 * @param handler the handler
	 */
	void on(String event, Runnable handler);

	/**
	 * Calls a handler for each arrival of a tick of the cluster scenario C1, an event whose one
	 * argument is an object with the server's send time, {@code sentAtMicros}.
	 * @param event the event
	 * @param sentAtMicros receives each tick's send time, in microseconds since the epoch
	 */
	default void onTick(String event, LongConsumer sentAtMicros) {
		throw new UnsupportedOperationException("This peer does not run the cluster scenario");
	}

	/**
	 * Disconnects and releases the connection.
	 */
	void close();

	/**
	 * Opens connections of one library.
	 */
	@FunctionalInterface
	interface Library {

		/**
		 * Opens a connection.
		 * @param url the server's URL
		 * @param polling whether to use HTTP long-polling only (else WebSocket only)
		 * @return completes with the client once the default namespace is connected
		 */
		CompletableFuture<BenchClient> connect(String url, boolean polling);

	}

}
