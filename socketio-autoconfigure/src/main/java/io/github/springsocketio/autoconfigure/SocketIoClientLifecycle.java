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
package io.github.springsocketio.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.ConnectionState;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoSocket;
import io.github.springsocketio.event.SocketIoConnectErrorEvent;
import io.github.springsocketio.event.SocketIoConnectedEvent;
import io.github.springsocketio.event.SocketIoDisconnectedEvent;
import io.github.springsocketio.event.SocketIoReconnectAttemptEvent;
import io.github.springsocketio.event.SocketIoReconnectFailedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Connects the auto-configured clients once the context is refreshed (those with
 * {@code auto-connect}), joining the namespaces their listeners and emitters name, and disconnects them on
 * shutdown. A client with {@code fail-fast} fails startup when its first connect fails;
 * the others connect in the background. Publishes the clients' application events (see
 * {@link io.github.springsocketio.event.SocketIoClientEvent}).
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class SocketIoClientLifecycle implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(SocketIoClientLifecycle.class);

	private final Map<String, SocketIoClient> clients;

	private final SocketIoClientFactory factory;

	private final SocketIoClientNamespaces namespaces;

	private final ApplicationEventPublisher events;

	private boolean published;

	private volatile boolean running;

	/**
	 * Creates the lifecycle.
	 * @param clients the clients by name
	 * @param factory the factory that knows their settings
	 * @param namespaces the namespaces each client joins
	 * @param events publishes the clients' application events
	 */
	public SocketIoClientLifecycle(Map<String, SocketIoClient> clients, SocketIoClientFactory factory,
			SocketIoClientNamespaces namespaces, ApplicationEventPublisher events) {
		this.clients = new LinkedHashMap<>(clients);
		this.factory = factory;
		this.namespaces = namespaces;
		this.events = events;
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.published) {
			this.published = true;
			this.clients.forEach(this::publishEvents);
		}
		this.clients.forEach((name, client) -> {
			SocketIoProperties.Client settings = this.factory.settings(name);
			if (!settings.isAutoConnect()) {
				return;
			}
			CompletableFuture<Void> connected = client.connectAsync();
			namespaces(name).stream()
				.filter((namespace) -> !settings.getNamespaces().contains(namespace))
				.forEach((namespace) -> client.socket(namespace).connectAsync()
					.exceptionally((ex) -> logFailure(name, ex)));
			if (settings.isFailFast()) {
				try {
					connected.join();
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException("The Socket.IO client '" + name + "' could not connect: "
							+ ((ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage()), ex.getCause());
				}
			}
			else {
				connected.exceptionally((ex) -> logFailure(name, ex));
			}
		});
	}

	private List<String> namespaces(String name) {
		return this.namespaces.of(name);
	}

	private void publishEvents(String name, SocketIoClient client) {
		for (String namespace : namespaces(name)) {
			SocketIoSocket socket = client.socket(namespace);
			socket.onConnect(() -> this.events.publishEvent(new SocketIoConnectedEvent(client, name, namespace)));
			socket.onDisconnect((reason) -> this.events
				.publishEvent(new SocketIoDisconnectedEvent(client, name, namespace, reason)));
			socket.onConnectError((failure) -> this.events
				.publishEvent(new SocketIoConnectErrorEvent(client, name, namespace, failure)));
		}
		client.onReconnectAttempt((attempt) -> this.events.publishEvent(new SocketIoReconnectAttemptEvent(client, name, attempt)));
		client.onReconnectFailed(() -> this.events.publishEvent(new SocketIoReconnectFailedEvent(client, name)));
	}

	private static @Nullable Void logFailure(String name, Throwable failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		logger.warn("The Socket.IO client '" + name + "' could not connect yet: " + cause.getMessage());
		return null;
	}

	/**
	 * Disconnects every client, all at once. A client that is (re)connecting with emits in its send
	 * buffer gets up to its {@code shutdown-timeout} to connect, so that they go out first; the
	 * others are disconnected at once.
	 */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		List<CompletableFuture<Void>> stopping = new ArrayList<>();
		this.clients.forEach((name, client) -> stopping.add(stop(name, client)));
		CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> callback.run());
	}

	@Override
	public void stop() {
		CountDownLatch stopped = new CountDownLatch(1);
		stop(stopped::countDown);
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private CompletableFuture<Void> stop(String name, SocketIoClient client) {
		ConnectionState state = client.state();
		int buffered = namespaces(name).stream().mapToInt((namespace) -> client.socket(namespace).bufferedEmits()).sum();
		if (buffered == 0 || (state != ConnectionState.CONNECTING && state != ConnectionState.RECONNECTING)) {
			client.disconnect();
			return CompletableFuture.completedFuture(null);
		}
		Duration timeout = this.factory.settings(name).getShutdownTimeout();
		return client.connectAsync().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handleAsync((connected, failure) -> {
			if (failure != null) {
				logger.warn("The Socket.IO client '" + name + "' could not connect within its shutdown-timeout (" + timeout
						+ "): " + buffered + " buffered emit(s) will not be sent");
			}
			client.disconnect();
			return null;
		});
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 100;
	}

}
