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
package io.github.springsocketio.client.protocol;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What differs between revisions of the Socket.IO protocol for a namespace: whether the server
 * connects the default namespace by itself, how a namespace asks to connect, its session id, and
 * how the server refuses a connect. A new revision is one more implementation.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public interface SocketProtocol {

	/**
	 * Socket.IO protocol 5, of Socket.IO 3 and later servers.
	 */
	SocketProtocol V5 = new SocketProtocolV5();

	/**
	 * Socket.IO protocol 4, of Socket.IO 1.x and 2.x servers.
	 */
	SocketProtocol V4 = new SocketProtocolV4();

	/**
	 * Whether the server connects the default namespace {@code /} by itself once the Engine.IO
	 * session is open, so that the client sends no CONNECT for it, nor a DISCONNECT.
	 * @return whether it does
	 */
	boolean connectsDefaultNamespaceItself();

	/**
	 * What the Engine.IO handshake's query carries for the default namespace when the server
	 * connects it by itself: its auth map.
	 * @param encoder the encoder, which writes values that are not text as JSON
	 * @param defaultNamespaceAuth the auth payload of {@code /}, empty for none
	 * @return the query parameters, often none
	 */
	default Map<String, String> handshakeQuery(SocketPacketEncoder encoder, Map<String, ?> defaultNamespaceAuth) {
		return Map.of();
	}

	/**
	 * The packet that asks to connect a namespace.
	 * @param encoder the encoder
	 * @param namespace the namespace
	 * @param auth the auth payload, empty for none
	 * @param query the client's query parameters
	 * @return the packet
	 */
	EncodedPacket connect(SocketPacketEncoder encoder, String namespace, Map<String, ?> auth, Map<String, String> query);

	/**
	 * The session id of a connected namespace.
	 * @param namespace the namespace
	 * @param reply the data of the server's CONNECT reply
	 * @param engineSessionId the id of the Engine.IO session
	 * @return the id, or {@code null} when the reply lacks one this revision requires
	 */
	@Nullable String sessionId(String namespace, @Nullable JsonNode reply, String engineSessionId);

	/**
	 * What the server said when it refused a connect.
	 * @param data the CONNECT_ERROR packet's data
	 * @return the refusal
	 */
	Refusal refusal(@Nullable JsonNode data);

	/**
	 * A refused connect.
	 *
	 * @param message the server's message, empty when it gave none
	 * @param data the server's details, or {@code null}
	 */
	record Refusal(String message, @Nullable JsonNode data) {

	}

}
