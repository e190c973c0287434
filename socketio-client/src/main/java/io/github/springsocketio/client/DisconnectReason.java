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

/**
 * Why a namespace was disconnected, with the names the JavaScript client uses.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public enum DisconnectReason {

	/** The server disconnected the namespace; the client does not reconnect on its own. */
	IO_SERVER_DISCONNECT("io server disconnect", false),

	/** The application disconnected; the client does not reconnect on its own. */
	IO_CLIENT_DISCONNECT("io client disconnect", false),

	/** The server sent no ping within its ping interval plus ping timeout. */
	PING_TIMEOUT("ping timeout", true),

	/** The connection was closed (by the server, or the network was lost). */
	TRANSPORT_CLOSE("transport close", true),

	/** The connection failed (HTTP or WebSocket error, message too large). */
	TRANSPORT_ERROR("transport error", true),

	/** The server sent data that does not follow the protocol. */
	PARSE_ERROR("parse error", true);

	private final String wireName;

	private final boolean reconnectable;

	DisconnectReason(String wireName, boolean reconnectable) {
		this.wireName = wireName;
		this.reconnectable = reconnectable;
	}

	/**
	 * The reason's name in the JavaScript client, e.g. {@code "io server disconnect"}.
	 * @return the name
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether a client with reconnection enabled reconnects after this reason.
	 * @return whether the reason leads to reconnection
	 */
	public boolean willReconnect() {
		return this.reconnectable;
	}

}
