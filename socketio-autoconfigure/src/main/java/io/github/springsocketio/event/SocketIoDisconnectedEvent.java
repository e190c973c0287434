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
package io.github.springsocketio.event;

import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoClient;

/**
 * Published when a namespace of a client disconnected.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class SocketIoDisconnectedEvent extends SocketIoClientEvent {

	private static final long serialVersionUID = 1L;

	private final String namespace;

	private final DisconnectReason reason;

	/**
	 * Creates the event.
	 * @param client the client
	 * @param clientName the client's name
	 * @param namespace the namespace
	 * @param reason why
	 */
	public SocketIoDisconnectedEvent(SocketIoClient client, String clientName, String namespace, DisconnectReason reason) {
		super(client, clientName);
		this.namespace = namespace;
		this.reason = reason;
	}

	/**
	 * The namespace.
	 * @return the namespace
	 */
	public String getNamespace() {
		return this.namespace;
	}

	/**
	 * Why the namespace disconnected.
	 * @return the reason
	 */
	public DisconnectReason getReason() {
		return this.reason;
	}

}
