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
import java.util.concurrent.ExecutionException;

import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.SocketIoException;

/**
 * The blocking {@code connect()} of the client and of its namespaces: waits for the connect's
 * future, which is bounded by the connect timeout, and throws what it failed with.
 */
public final class ConnectWait {

	private ConnectWait() {
	}

	/**
	 * Waits for a connect.
	 * @param connect completes when connected, or fails with why not
	 * @param what what is being connected, for the messages
	 * @throws SocketIoConnectException when the connect failed or the caller was interrupted
	 */
	public static void await(CompletableFuture<Void> connect, String what) {
		try {
			connect.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoConnectException("/", "Interrupted while " + what, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof SocketIoException failure) {
				throw failure;
			}
			throw new SocketIoConnectException("/", "Failed " + what + ": " + ex.getCause(), ex.getCause());
		}
	}

}
