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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.namespace.Namespace;
import io.github.springsocketio.client.namespace.NamespaceHost;
import org.jspecify.annotations.Nullable;

/**
 * The namespaces of a connection, and what the connection does to all of them at once. Created on
 * any thread; changed on the connection's serial executor.
 */
final class Namespaces {

	private final NamespaceHost host;

	private final Map<String, Namespace> byName = new ConcurrentHashMap<>();

	Namespaces(NamespaceHost host) {
		this.host = host;
	}

	Namespace get(String name) {
		return this.byName.computeIfAbsent(name, (key) -> new Namespace(this.host, key));
	}

	/**
	 * The namespace a packet from the server is for, unless it is not joined.
	 * @param name the namespace
	 * @return the namespace, or {@code null}
	 */
	@Nullable Namespace joined(String name) {
		Namespace namespace = this.byName.get(name);
		return (namespace != null && (namespace.isActive() || namespace.isConnected())) ? namespace : null;
	}

	boolean anyActive() {
		return this.byName.values().stream().anyMatch(Namespace::isActive);
	}

	boolean anyPausesReading() {
		return this.byName.values().stream().anyMatch(Namespace::pausesReading);
	}

	boolean anyConnected() {
		return this.byName.values().stream().anyMatch(Namespace::isConnected);
	}

	boolean allActiveConnected() {
		return this.byName.values().stream().noneMatch((namespace) -> namespace.isActive() && !namespace.isConnected());
	}

	/**
	 * Sends CONNECT for each namespace meant to be joined and not connected.
	 */
	void connectActive() {
		for (Namespace namespace : this.byName.values()) {
			if (namespace.isActive() && !namespace.isConnected()) {
				namespace.sendConnect();
			}
		}
	}

	/**
	 * Leaves every joined namespace, telling the server.
	 */
	void leaveAll() {
		for (Namespace namespace : this.byName.values()) {
			if (namespace.isActive() || namespace.isConnected()) {
				namespace.leave(DisconnectReason.IO_CLIENT_DISCONNECT, true);
			}
		}
	}

	/**
	 * The connection was lost: each namespace is disconnected; a pending connect fails, or only
	 * tells its connect-error handlers when the connection will try again.
	 * @param reason why
	 * @param failure why a pending connect fails
	 * @param retrying whether the connection will try again
	 */
	void connectionLost(DisconnectReason reason, @Nullable SocketIoConnectException failure, boolean retrying) {
		for (Namespace namespace : this.byName.values()) {
			namespace.disconnected(reason);
			if (failure != null && namespace.isActive() && !namespace.connectResult().isDone()) {
				SocketIoConnectException namespaceFailure = new SocketIoConnectException(namespace.name(),
						failure.getMessage(), failure.getCause());
				if (retrying) {
					namespace.connectErrorEvent(namespaceFailure);
				}
				else {
					namespace.connectFailed(namespaceFailure);
				}
			}
		}
	}

	/**
	 * Fails the pending connect of each namespace meant to be joined.
	 * @param message why
	 */
	void failPendingConnects(String message) {
		for (Namespace namespace : this.byName.values()) {
			if (namespace.isActive() && !namespace.connectResult().isDone()) {
				namespace.connectFailed(new SocketIoConnectException(namespace.name(), message));
			}
		}
	}

	/**
	 * The client closed for good.
	 */
	void discardAll() {
		this.byName.values().forEach(Namespace::discard);
	}

}
