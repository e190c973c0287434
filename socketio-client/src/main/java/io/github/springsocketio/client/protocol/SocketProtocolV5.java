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
 * Socket.IO protocol 5: every namespace is connected with a CONNECT carrying the auth payload (the
 * query travels in the handshake only), the reply carries the namespace's session id, and a
 * refusal an object with a message and data.
 */
final class SocketProtocolV5 implements SocketProtocol {

	@Override
	public boolean connectsDefaultNamespaceItself() {
		return false;
	}

	@Override
	public EncodedPacket connect(SocketPacketEncoder encoder, String namespace, Map<String, ?> auth,
			Map<String, String> query) {
		return encoder.encode(SocketPacketType.CONNECT, namespace, SocketPacket.NO_ACK, auth.isEmpty() ? null : auth);
	}

	@Override
	public @Nullable String sessionId(String namespace, @Nullable JsonNode reply, String engineSessionId) {
		JsonNode sid = (reply != null) ? reply.get("sid") : null;
		return (sid != null && sid.isString()) ? sid.stringValue() : null;
	}

	@Override
	public Refusal refusal(@Nullable JsonNode data) {
		if (data == null) {
			return new Refusal("", null);
		}
		if (data.isString()) {
			return new Refusal(data.stringValue(), null);
		}
		return new Refusal(data.path("message").asString(""), data.get("data"));
	}

	@Override
	public String toString() {
		return "Socket.IO protocol 5";
	}

}
