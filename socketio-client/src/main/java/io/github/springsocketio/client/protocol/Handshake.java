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

import java.util.ArrayList;
import java.util.List;

import io.github.springsocketio.client.ProtocolException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of an Engine.IO OPEN packet.
 *
 * @param sid the Engine.IO session id
 * @param upgrades the transports the session may be upgraded to
 * @param pingInterval the server's ping interval in milliseconds
 * @param pingTimeout the server's ping timeout in milliseconds
 * @param maxPayload the largest message the server accepts in bytes, 0 when the server did not say
 * @author springsocketio
 * @since 0.1.0
 */
public record Handshake(String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload) {

	/** The longest ping interval or timeout a server may announce: an hour. */
	public static final long MAX_HEARTBEAT_MILLIS = 3_600_000;

	/**
	 * Parses the data of an OPEN packet.
	 * @param data the JSON data
	 * @param mapper the mapper to parse with
	 * @return the handshake
	 * @throws ProtocolException when the data is not a valid handshake
	 */
	public static Handshake parse(String data, JsonMapper mapper) {
		JsonNode json;
		try {
			json = mapper.readTree(data);
		}
		catch (JacksonException ex) {
			throw new ProtocolException("Invalid JSON in the Engine.IO handshake", ex);
		}
		if (json == null || !json.isObject()) {
			throw new ProtocolException("The Engine.IO handshake is not a JSON object");
		}
		JsonNode sid = json.get("sid");
		if (sid == null || !sid.isString() || sid.stringValue().isEmpty()) {
			throw new ProtocolException("The Engine.IO handshake has no session id");
		}
		List<String> upgrades = new ArrayList<>();
		JsonNode upgradesNode = json.path("upgrades");
		for (JsonNode upgrade : upgradesNode) {
			if (upgrade.isString()) {
				upgrades.add(upgrade.stringValue());
			}
		}
		return new Handshake(sid.stringValue(), List.copyOf(upgrades), positive(json, "pingInterval"),
				positive(json, "pingTimeout"), maxPayload(json));
	}

	/**
	 * The server's message size limit; none (0) when it announces none or no positive number.
	 */
	private static long maxPayload(JsonNode json) {
		JsonNode value = json.path("maxPayload");
		return (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) ? value.asLong() : 0;
	}

	private static long positive(JsonNode json, String field) {
		JsonNode value = json.get(field);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
			throw new ProtocolException("The Engine.IO handshake has no valid '" + field + "'");
		}
		if (value.asLong() > MAX_HEARTBEAT_MILLIS) {
			throw new ProtocolException("The Engine.IO handshake's '" + field + "' of " + value.asLong()
					+ " ms is beyond an hour: the connection's liveness could not be checked");
		}
		return value.asLong();
	}

}
