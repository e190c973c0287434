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

import io.github.springsocketio.client.SocketIoClient;
import org.springframework.context.ApplicationEvent;

/**
 * Base class of the application events about a Socket.IO client. For one namespace they are
 * published in the order things happen: a {@link SocketIoConnectErrorEvent} or a
 * {@link SocketIoConnectedEvent}, later a {@link SocketIoDisconnectedEvent}; a
 * {@link SocketIoReconnectAttemptEvent} comes before the connected event it leads to, and a
 * {@link SocketIoReconnectFailedEvent} after the last attempt.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public abstract class SocketIoClientEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String clientName;

	/**
	 * Creates an event.
	 * @param client the client
	 * @param clientName the client's name, {@code default} for the primary client
	 */
	protected SocketIoClientEvent(SocketIoClient client, String clientName) {
		super(client);
		this.clientName = clientName;
	}

	/**
	 * The client.
	 * @return the client
	 */
	public SocketIoClient getClient() {
		return (SocketIoClient) getSource();
	}

	/**
	 * The client's name.
	 * @return the name, {@code default} for the primary client
	 */
	public String getClientName() {
		return this.clientName;
	}

}
