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
package io.github.springsocketio.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * One namespace of a {@link SocketIoClient}'s connection: emits to it, and handlers for its events.
 * Thread-safe; emitting never blocks on the network.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface SocketIoSocket {

	/**
	 * The namespace, e.g. {@code /} or {@code /chat}.
	 * @return the namespace
	 */
	String namespace();

	/**
	 * The socket id the server gave this namespace.
	 * @return the id, or {@code null} while not connected
	 */
	@Nullable String id();

	/**
	 * Whether the namespace is connected.
	 * @return whether it is connected
	 */
	boolean isConnected();

	/**
	 * Whether the last connect restored the previous session (connection-state recovery).
	 * @return whether the session was recovered
	 */
	boolean recovered();

	/**
	 * Joins the namespace (connecting the client first if needed) and waits for the server's answer.
	 * @throws SocketIoConnectException when the server refuses, or no answer came within the connect timeout
	 */
	void connect();

	/**
	 * Joins the namespace (connecting the client first if needed).
	 * @return completes when the namespace is connected, fails with {@link SocketIoConnectException}
	 */
	CompletableFuture<Void> connectAsync();

	/**
	 * Leaves the namespace. When no namespace remains, the client closes its connection.
	 */
	void disconnect();

	/**
	 * Sends an event; buffered while not connected.
	 * @param event the event's name (not a reserved name such as {@code connect})
	 * @param args the arguments, converted with Jackson; {@code byte[]} become binary attachments
	 * @throws IllegalArgumentException for a reserved name or arguments Jackson cannot write
	 * @throws PayloadTooLargeException when the event is larger than the server accepts
	 * @throws SendBufferFullException when not connected and the send buffer is full
	 */
	void emit(String event, Object... args);

	/**
	 * Sends an event only if it can go out now; dropped while not connected.
	 * @param event the event's name
	 * @param args the arguments
	 */
	void emitVolatile(String event, Object... args);

	/**
	 * Sends an event and asks the server to acknowledge it.
	 * @param event the event's name
	 * @param args the arguments
	 * @return the acknowledgement's arguments; fails with {@link AckTimeoutException} after the ack
	 * timeout, or with {@link NotConnectedException} when the connection drops first
	 */
	CompletableFuture<Arguments> emitWithAck(String event, Object... args);

	/**
	 * Sends an event and waits for its acknowledgement (python-socketio's {@code call}).
	 * @param <T> the type of the result
	 * @param event the event's name
	 * @param type the type of the acknowledgement's first argument
	 * @param args the arguments
	 * @return the first argument of the acknowledgement, or {@code null} when it has none
	 * @throws AckTimeoutException when no acknowledgement came within the ack timeout
	 * @throws NotConnectedException when the connection dropped first
	 */
	<T> @Nullable T call(String event, Class<T> type, Object... args);

	/**
	 * Sends an event and waits for its acknowledgement, converting its first argument to a
	 * generic type such as {@code List<Order>}.
	 * @param <T> the type of the result
	 * @param event the event's name
	 * @param type the type of the acknowledgement's first argument
	 * @param args the arguments
	 * @return the first argument of the acknowledgement, or {@code null} when it has none
	 * @throws AckTimeoutException when no acknowledgement came within the ack timeout
	 * @throws NotConnectedException when the connection dropped first
	 * @since 0.2.0
	 */
	<T> @Nullable T call(String event, TypeReference<T> type, Object... args);

	/**
	 * The emits waiting in the send buffer for the namespace to connect.
	 * @return how many
	 */
	int bufferedEmits();

	/**
	 * A view of this namespace whose acknowledgements time out after the given duration.
	 * @param timeout the ack timeout
	 * @return the view
	 */
	SocketIoSocket timeout(Duration timeout);

	/**
	 * The next event of this namespace that no {@code on}/{@code onAny} handler took, in arrival
	 * order, waiting for one at most {@code timeout} (python-socketio's {@code SimpleClient.receive}).
	 * Up to 1,000 such events are kept; an older one pushed out is counted in
	 * {@code socketio.client.events.dropped} with reason {@code unreceived}. From a handler it
	 * waits; on the client's I/O thread it throws {@link IllegalStateException}.
	 * @param timeout how long to wait; {@link Duration#ZERO} does not wait
	 * @return the event, or empty when none came in time
	 * @since 0.2.0
	 */
	Optional<InboundEvent> receive(Duration timeout);

	/**
	 * Sends a {@code message} event.
	 * @param args the arguments
	 */
	void send(Object... args);

	/**
	 * Adds a handler for an event.
	 * @param event the event's name
	 * @param handler the handler
	 * @return the subscription that removes it
	 * @throws IllegalArgumentException for a reserved name: use {@link #onConnect} and the like
	 */
	Subscription on(String event, EventHandler handler);

	/**
	 * Adds a handler for an event's first argument, converted to a type.
	 * @param <T> the type
	 * @param event the event's name
	 * @param type the type
	 * @param handler the handler
	 * @return the subscription that removes it
	 */
	<T> Subscription on(String event, Class<T> type, Consumer<@Nullable T> handler);

	/**
	 * Adds a handler for every incoming event; it runs before the event's own handlers.
	 * @param handler the handler
	 * @return the subscription that removes it
	 */
	Subscription onAny(AnyEventHandler handler);

	/**
	 * Adds a handler for every outgoing event, called when the event is written.
	 * @param handler the handler
	 * @return the subscription that removes it
	 */
	Subscription onAnyOutgoing(AnyEventHandler handler);

	/**
	 * Adds a handler for each time the namespace connects.
	 * @param handler the handler
	 * @return the subscription that removes it
	 */
	Subscription onConnect(Runnable handler);

	/**
	 * Adds a handler for each time the namespace disconnects.
	 * @param handler the handler, given the reason
	 * @return the subscription that removes it
	 */
	Subscription onDisconnect(Consumer<DisconnectReason> handler);

	/**
	 * Adds a handler for each failed connect of the namespace.
	 * @param handler the handler, given the failure
	 * @return the subscription that removes it
	 */
	Subscription onConnectError(Consumer<SocketIoConnectException> handler);

}
