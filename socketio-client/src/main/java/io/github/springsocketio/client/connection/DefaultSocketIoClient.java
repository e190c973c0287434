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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

import io.github.springsocketio.client.ConnectionState;
import io.github.springsocketio.client.ProtocolVersion;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoClientObserver;
import io.github.springsocketio.client.SocketIoException;
import io.github.springsocketio.client.SocketIoSocket;
import io.github.springsocketio.client.Subscription;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.concurrent.BlockingCalls;
import io.github.springsocketio.client.concurrent.ConnectWait;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SocketIoClient} that {@link SocketIoClient.Builder} builds: the API over one
 * {@link Connection}.
 */
public final class DefaultSocketIoClient implements SocketIoClient {

	private final Connection connection;

	/**
	 * Creates a client; it does not connect until asked to.
	 * @param options the settings the builder collected
	 */
	public DefaultSocketIoClient(ClientOptions options) {
		this.connection = new Connection(options);
	}

	@Override
	public void connect() {
		BlockingCalls.check(this.connection.serial(), "connect()", "connectAsync()");
		ConnectWait.await(connectAsync(), "connecting to " + this.connection.loggedUrl());
	}

	@Override
	public CompletableFuture<Void> connectAsync() {
		return this.connection.connect();
	}

	@Override
	public void disconnect() {
		this.connection.disconnect();
	}

	@Override
	public void close() {
		this.connection.close();
	}

	@Override
	public void await() {
		BlockingCalls.check(this.connection.serial(), "await()", "onDisconnect(..) of the namespaces");
		try {
			this.connection.terminated().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while waiting for the client to disconnect", ex);
		}
		catch (ExecutionException ex) {
			// terminated is never completed exceptionally
		}
	}

	@Override
	public boolean await(Duration timeout) {
		BlockingCalls.check(this.connection.serial(), "await(..)", "onDisconnect(..) of the namespaces");
		try {
			this.connection.terminated().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while waiting for the client to disconnect", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	@Override
	public ConnectionState state() {
		return this.connection.state();
	}

	@Override
	public boolean isConnected() {
		return this.connection.state() == ConnectionState.CONNECTED;
	}

	@Override
	public @Nullable Transport transport() {
		return this.connection.transport();
	}

	@Override
	public @Nullable ProtocolVersion protocol() {
		return this.connection.protocolVersion();
	}

	@Override
	public SocketIoSocket socket(String namespace) {
		return this.connection.namespace(ClientOptions.normalizeNamespace(namespace)).socket();
	}

	@Override
	public Future<?> startBackgroundTask(Runnable task) {
		FutureTask<?> future = new FutureTask<>(task, null);
		this.connection.handlerExecutor().execute(future);
		return future;
	}

	@Override
	public void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while sleeping", ex);
		}
	}

	@Override
	public Subscription observe(SocketIoClientObserver observer) {
		return this.connection.observerList().add(observer);
	}

	@Override
	public Subscription onReconnectAttempt(IntConsumer handler) {
		return this.connection.reconnectHandlers().onAttempt(handler);
	}

	@Override
	public Subscription onReconnect(IntConsumer handler) {
		return this.connection.reconnectHandlers().onReconnected(handler);
	}

	@Override
	public Subscription onReconnectFailed(Runnable handler) {
		return this.connection.reconnectHandlers().onFailed(handler);
	}

	@Override
	public String toString() {
		return "SocketIoClient[" + this.connection.loggedUrl() + ", " + this.connection.state() + "]";
	}

}
