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

/**
 * Refuses a blocking call on the thread that would have to complete it: the client's I/O thread,
 * which runs its serial executor and the callbacks that run there (observers, the auth provider,
 * an interceptor's {@code beforeHandshake} and {@code beforeConnect}). Waiting there would only
 * end at a timeout; the caller learns at once what to use instead.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class BlockingCalls {

	private BlockingCalls() {
	}

	/**
	 * Checks that the calling thread may block.
	 * @param serial the client's serial executor
	 * @param call the blocking call, e.g. {@code call(..)}
	 * @param alternative what to use instead, e.g. {@code emitWithAck(..)}
	 * @throws IllegalStateException when called on the client's I/O thread
	 */
	public static void check(SerialExecutor serial, String call, String alternative) {
		if (serial.inExecutor()) {
			throw new IllegalStateException(call + " cannot wait on the Socket.IO client's I/O thread, which is the one "
					+ "that would complete it (observers, the auth provider and an interceptor's beforeHandshake and "
					+ "beforeConnect run there): use " + alternative);
		}
	}

}
