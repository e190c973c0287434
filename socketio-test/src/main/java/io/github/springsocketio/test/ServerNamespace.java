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
package io.github.springsocketio.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.Arguments;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One namespace of the {@link SocketIoTestServer}: its handlers, its connected clients and the
 * events they sent. Handlers and connect hooks run one at a time on the server's event thread, in
 * the order the packets arrived.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class ServerNamespace {

	private static final Log logger = LogFactory.getLog(ServerNamespace.class);

	private final String name;

	private final Map<String, List<ClientEventHandler>> handlers = new ConcurrentHashMap<>();

	private final List<Consumer<ConnectRequest>> connectRequestHooks = new CopyOnWriteArrayList<>();

	private final List<Consumer<ConnectedClient>> connectHooks = new CopyOnWriteArrayList<>();

	private final List<ClientSocket> clients = new CopyOnWriteArrayList<>();

	private final ReceivedEvents received = new ReceivedEvents();

	ServerNamespace(String name) {
		this.name = name;
	}

	/**
	 * The namespace's name.
	 * @return the name, e.g. {@code /chat}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Handles an event clients send; a handler answers the acknowledgement the client asked for
	 * with {@code ack.send(..)}.
	 * @param event the event
	 * @param handler the handler
	 * @return this namespace
	 */
	public ServerNamespace on(String event, BiConsumer<Arguments, Ack> handler) {
		return on(event, (client, args, ack) -> handler.accept(args, ack));
	}

	/**
	 * Handles an event clients send, knowing which client sent it.
	 * @param event the event
	 * @param handler the handler
	 * @return this namespace
	 */
	public ServerNamespace on(String event, ClientEventHandler handler) {
		this.handlers.computeIfAbsent(event, (key) -> new CopyOnWriteArrayList<>()).add(handler);
		return this;
	}

	/**
	 * Sees every request to connect before it is accepted, and may refuse it.
	 * @param hook the hook
	 * @return this namespace
	 */
	public ServerNamespace onConnectRequest(Consumer<ConnectRequest> hook) {
		this.connectRequestHooks.add(hook);
		return this;
	}

	/**
	 * Runs once a client is connected, e.g. to emit it a greeting.
	 * @param hook the hook
	 * @return this namespace
	 */
	public ServerNamespace onConnect(Consumer<ConnectedClient> hook) {
		this.connectHooks.add(hook);
		return this;
	}

	/**
	 * Emits an event to every client connected to the namespace.
	 * @param event the event
	 * @param args the arguments: anything Jackson can write; {@code byte[]} travels as binary
	 */
	public void emit(String event, Object... args) {
		for (ClientSocket client : this.clients) {
			client.emit(event, args);
		}
	}

	/**
	 * Emits an event to every client connected to the namespace and asks each for an
	 * acknowledgement.
	 * @param event the event
	 * @param args the arguments
	 * @return the first acknowledgement; it fails when no client is connected, or when every
	 * client disconnects or times out first
	 */
	public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
		List<ClientSocket> targets = new ArrayList<>(this.clients);
		CompletableFuture<Arguments> first = new CompletableFuture<>();
		if (targets.isEmpty()) {
			first.completeExceptionally(new IllegalStateException(
					"Cannot emit '" + event + "': no client is connected to namespace " + this.name));
			return first;
		}
		AtomicInteger failures = new AtomicInteger();
		for (ClientSocket client : targets) {
			client.emitWithAck(event, args).whenComplete((result, failure) -> {
				if (failure == null) {
					first.complete(result);
				}
				else if (failures.incrementAndGet() == targets.size()) {
					first.completeExceptionally(failure);
				}
			});
		}
		return first;
	}

	/**
	 * The next event of that name a client sent to the namespace and no earlier call took, waiting
	 * for it if need be. Every event is kept for this, whether a handler took it or not.
	 * @param event the event
	 * @param timeout how long to wait
	 * @return its arguments
	 * @throws AssertionError when none arrives in time, naming the events that did
	 */
	public Arguments awaitEvent(String event, Duration timeout) {
		return this.received.await(this.name, event, timeout);
	}

	/**
	 * The clients connected to the namespace now.
	 * @return the clients, in the order they connected
	 */
	public List<ConnectedClient> connectedClients() {
		return List.copyOf(this.clients);
	}

	/**
	 * Disconnects every client from the namespace; see {@link ConnectedClient#disconnect()}.
	 */
	public void disconnectAll() {
		this.clients.forEach(ClientSocket::disconnect);
	}

	/**
	 * Runs the connect-request hooks until one refuses; a hook that throws refuses.
	 */
	void admit(PendingConnect request) {
		for (Consumer<ConnectRequest> hook : this.connectRequestHooks) {
			try {
				hook.accept(request);
			}
			catch (RuntimeException ex) {
				logger.warn("A connect-request hook of namespace " + this.name + " failed; refusing the client", ex);
				request.refuse("Server error");
			}
			if (request.refusal() != null) {
				return;
			}
		}
	}

	void add(ClientSocket client) {
		this.clients.add(client);
	}

	/** Runs the connect hooks of a client just connected. */
	void connected(ClientSocket client) {
		for (Consumer<ConnectedClient> hook : this.connectHooks) {
			try {
				hook.accept(client);
			}
			catch (RuntimeException ex) {
				logger.warn("A connect hook of namespace " + this.name + " failed", ex);
			}
		}
	}

	void dispatch(ClientSocket client, String event, Arguments args, Ack ack) {
		this.received.add(event, args);
		for (ClientEventHandler handler : this.handlers.getOrDefault(event, List.of())) {
			try {
				handler.handle(client, args, ack);
			}
			catch (RuntimeException ex) {
				logger.warn("The handler of '" + event + "' on namespace " + this.name + " failed", ex);
			}
		}
	}

	void removed(ClientSocket client) {
		this.clients.remove(client);
	}

}
