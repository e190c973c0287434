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
package io.github.springsocketio.client.namespace;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.github.springsocketio.client.SocketIoClientObserver;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketProtocol;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connection as its namespaces see it: what they share with it, what they send through it,
 * and what they report to it. The namespaces know the connection by this interface only, and
 * tests can give them a fake one.
 */
public interface NamespaceHost {

	/**
	 * The client's settings that namespaces use.
	 * @return the settings
	 */
	NamespaceOptions options();

	/**
	 * The Socket.IO protocol revision the connection speaks now.
	 * @return the revision
	 */
	SocketProtocol protocol();

	/**
	 * Converts arguments.
	 * @return the client's mapper
	 */
	JsonMapper mapper();

	/**
	 * Encodes packets; any thread.
	 * @return the encoder
	 */
	SocketPacketEncoder encoder();

	/**
	 * Where the connection's protocol state is changed, the namespaces' included.
	 * @return the connection's serial executor
	 */
	SerialExecutor serial();

	/**
	 * Runs handlers and completes futures.
	 * @return the handler executor
	 */
	Executor handlerExecutor();

	/**
	 * Runs timers.
	 * @return the scheduler
	 */
	ScheduledExecutorService scheduler();

	/**
	 * Whom to tell what happens.
	 * @return the observers
	 */
	SocketIoClientObserver observers();

	/**
	 * The id of the open Engine.IO session, which some protocol revisions give their namespaces.
	 * @return the id, empty when no session is open
	 */
	String engineSessionId();

	/**
	 * Whether the server connected the default namespace by itself on the open session (a
	 * revision whose server {@linkplain SocketProtocol#connectsDefaultNamespaceItself() does so}).
	 * @return whether it did
	 */
	boolean serverConnectedDefaultNamespace();

	/**
	 * Fails when the client is closed; any thread.
	 */
	void checkNotClosed();

	/**
	 * Fails when the server would refuse a packet for its size; any thread.
	 * @param packet the packet
	 */
	void checkSize(EncodedPacket packet);

	/**
	 * Sends a packet on the open connection; serial executor only.
	 * @param packet the packet
	 * @return false when the connection is not open
	 */
	boolean sendPacket(EncodedPacket packet);

	/**
	 * Connects a namespace, opening the connection when needed; any thread.
	 * @param namespace the namespace
	 * @return completes when the namespace is connected
	 */
	CompletableFuture<Void> join(Namespace namespace);

	/**
	 * Runs a task on the serial executor and waits for it, bounded; any thread.
	 * @param task the task
	 */
	void runAndWait(Runnable task);

	/**
	 * The server answered a CONNECT as a server of an older protocol revision does (without a
	 * session id): the connection switches to that revision when it may, and connects its
	 * namespaces again; serial executor only.
	 * @return whether it switched; if not, the namespace cannot connect
	 */
	boolean switchToOlderProtocol();

	/**
	 * A namespace is connected; serial executor only.
	 * @param namespace the namespace
	 */
	void namespaceConnected(Namespace namespace);

	/**
	 * A namespace was left, by the application or the server; serial executor only.
	 * @param namespace the namespace
	 */
	void namespaceLeft(Namespace namespace);

	/**
	 * The server refused a namespace; serial executor only.
	 * @param namespace the namespace
	 * @param failure what the server said
	 */
	void namespaceRefused(Namespace namespace, SocketIoConnectException failure);

	/**
	 * Stops reading from the connection: the handlers of a namespace fell too far behind. On the
	 * serial executor.
	 */
	void pauseReading();

	/**
	 * Reads from the connection again, unless the handlers of another namespace are still too far
	 * behind; any thread.
	 */
	void resumeReading();

	/**
	 * Takes room in the send buffer of a connected client for a packet; any thread.
	 * @param size the packet's {@link EncodedPacket#size() size}
	 * @throws io.github.springsocketio.client.SendBufferFullException when it does not fit
	 */
	void reserveOutbound(long size);

	/**
	 * Gives back the room of a packet the connection took, or kept for a reconnect; any thread.
	 * @param size the packet's size
	 */
	void releaseOutbound(long size);

	/**
	 * The auth provider or an interceptor threw while a namespace's CONNECT was prepared: the
	 * connect attempt fails, and a reconnect tries again. On the serial executor.
	 * @param namespace the namespace
	 * @param failure what the callback threw
	 */
	void connectAttemptFailed(Namespace namespace, RuntimeException failure);

}
