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
import java.util.function.Consumer;

import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoClientObserver;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.Subscription;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The observers of one client, told one after the other; one that throws does not stop the
 * others or the client.
 */
final class Observers implements SocketIoClientObserver {

	private static final Log logger = LogFactory.getLog(Observers.class);

	private final List<SocketIoClientObserver> observers = new CopyOnWriteArrayList<>();

	Subscription add(SocketIoClientObserver observer) {
		Objects.requireNonNull(observer, "'observer' must not be null");
		this.observers.add(observer);
		return () -> this.observers.remove(observer);
	}

	boolean isEmpty() {
		return this.observers.isEmpty();
	}

	@Override
	public void connected(String namespace) {
		tell((observer) -> observer.connected(namespace));
	}

	@Override
	public void connectFailed(String namespace, SocketIoConnectException failure) {
		tell((observer) -> observer.connectFailed(namespace, failure));
	}

	@Override
	public void disconnected(String namespace, DisconnectReason reason) {
		tell((observer) -> observer.disconnected(namespace, reason));
	}

	@Override
	public void reconnectAttempt(int attempt) {
		tell((observer) -> observer.reconnectAttempt(attempt));
	}

	@Override
	public void eventReceived(String namespace, String event) {
		tell((observer) -> observer.eventReceived(namespace, event));
	}

	@Override
	public void eventSent(String namespace, String event) {
		tell((observer) -> observer.eventSent(namespace, event));
	}

	@Override
	public void eventDropped(String namespace, String event, String reason) {
		tell((observer) -> observer.eventDropped(namespace, event, reason));
	}

	@Override
	public void handled(String namespace, String event, long nanos, @Nullable Throwable error) {
		tell((observer) -> observer.handled(namespace, event, nanos, error));
	}

	@Override
	public void acknowledged(String namespace, long nanos, boolean timedOut) {
		tell((observer) -> observer.acknowledged(namespace, nanos, timedOut));
	}

	@Override
	public void bytesReceived(long bytes) {
		tell((observer) -> observer.bytesReceived(bytes));
	}

	@Override
	public void bytesSent(long bytes) {
		tell((observer) -> observer.bytesSent(bytes));
	}

	private void tell(Consumer<SocketIoClientObserver> call) {
		for (SocketIoClientObserver observer : this.observers) {
			try {
				call.accept(observer);
			}
			catch (RuntimeException ex) {
				logger.warn("The observer " + observer + " failed", ex);
			}
		}
	}

}
