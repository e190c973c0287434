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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Socket.IO protocol 4, of Socket.IO 1.x and 2.x servers: the server connects the default
 * namespace by itself (the client neither connects nor disconnects it: a DISCONNECT for {@code /}
 * would close them all); another namespace is asked for with its query in the CONNECT's namespace
 * field ({@code 0/admin?token=1,}), the auth map travelling as that query; the reply carries no
 * session id ({@code /admin#<engine sid>}, the engine's for {@code /}); a refusal is the server's
 * message as a JSON string, or its error's data.
 */
final class SocketProtocolV4 implements SocketProtocol {

	@Override
	public boolean connectsDefaultNamespaceItself() {
		return true;
	}

	@Override
	public Map<String, String> handshakeQuery(SocketPacketEncoder encoder, Map<String, ?> defaultNamespaceAuth) {
		return queryOf(encoder, defaultNamespaceAuth);
	}

	@Override
	public EncodedPacket connect(SocketPacketEncoder encoder, String namespace, Map<String, ?> auth,
			Map<String, String> query) {
		Map<String, String> parameters = new LinkedHashMap<>(query);
		parameters.putAll(queryOf(encoder, auth));
		StringJoiner joined = new StringJoiner("&", namespace + "?", "").setEmptyValue(namespace);
		parameters.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
		return encoder.encode(SocketPacketType.CONNECT, joined.toString(), SocketPacket.NO_ACK, null);
	}

	/**
	 * The auth map as query parameters: text as it is, other values as JSON.
	 */
	private static Map<String, String> queryOf(SocketPacketEncoder encoder, Map<String, ?> auth) {
		Map<String, String> query = new LinkedHashMap<>();
		auth.forEach((name, value) -> query.put(name, (value instanceof CharSequence text) ? text.toString()
				: (value == null) ? "" : encoder.json(value)));
		return query;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Override
	public String sessionId(String namespace, @Nullable JsonNode reply, String engineSessionId) {
		return "/".equals(namespace) ? engineSessionId : namespace + "#" + engineSessionId;
	}

	@Override
	public Refusal refusal(@Nullable JsonNode data) {
		if (data != null && data.isString()) {
			return new Refusal(data.stringValue(), null);
		}
		JsonNode message = (data != null) ? data.get("message") : null;
		return new Refusal((message != null && message.isString()) ? message.stringValue() : "", data);
	}

	@Override
	public String toString() {
		return "Socket.IO protocol 4";
	}

}
