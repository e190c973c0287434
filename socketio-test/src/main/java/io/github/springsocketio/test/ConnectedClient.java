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

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.client.Arguments;
import org.jspecify.annotations.Nullable;

/**
 * A client connected to one namespace of the {@link SocketIoTestServer}: the server's side of a
 * socket. A client connected to two namespaces is two of these.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface ConnectedClient {

	/**
	 * The socket's id, the one the client sees as its {@code id()}.
	 * @return the id
	 */
	String id();

	/**
	 * The id of the client's connection (its Engine.IO session), the same for its sockets on
	 * every namespace.
	 * @return the id
	 */
	String connectionId();

	/**
	 * The namespace.
	 * @return the namespace, e.g. {@code /}
	 */
	String namespace();

	/**
	 * The auth payload the client sent when it connected.
	 * @return the payload as plain Java values; empty when it sent none
	 */
	Map<String, Object> auth();

	/**
	 * A header of the HTTP request that opened the client's connection.
	 * @param name the name, in any case
	 * @return the first value, or {@code null}
	 */
	@Nullable String header(String name);

	/**
	 * A query parameter of the HTTP request that opened the client's connection.
	 * @param name the name
	 * @return the first value, or {@code null}
	 */
	@Nullable String queryParameter(String name);

	/**
	 * The transport the client's connection is on now.
	 * @return {@code polling} or {@code websocket}
	 */
	String transport();

	/**
	 * Whether the client is still connected to the namespace.
	 * @return whether it is
	 */
	boolean isConnected();

	/**
	 * Emits an event to this client.
	 * @param event the event
	 * @param args the arguments: anything Jackson can write; {@code byte[]} travels as binary
	 */
	void emit(String event, Object... args);

	/**
	 * Emits an event to this client and asks for an acknowledgement.
	 * @param event the event
	 * @param args the arguments
	 * @return the acknowledgement's arguments; it fails when the client disconnects first or the
	 * server's ack timeout passes
	 */
	CompletableFuture<Arguments> emitWithAck(String event, Object... args);

	/**
	 * Disconnects the client from the namespace, as a server's {@code socket.disconnect()} does:
	 * the client's reason is {@code io server disconnect}, and it does not reconnect.
	 */
	void disconnect();

}
