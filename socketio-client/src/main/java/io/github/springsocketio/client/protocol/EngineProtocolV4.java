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

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Engine.IO 4: packets separated by the record separator in a long-polling payload, binary ones
 * as {@code b<base64>}; the server pings.
 */
final class EngineProtocolV4 implements EngineProtocol {

	static final String PROBE = EngineCodec.encode(new EnginePacket(EnginePacketType.PING, "probe", null));

	static final String PROBE_ANSWER = EngineCodec
		.encode(new EnginePacket(EnginePacketType.PONG, "probe", null));

	static final String UPGRADE = EngineCodec.encode(new EnginePacket(EnginePacketType.UPGRADE, null, null));

	@Override
	public String version() {
		return "4";
	}

	@Override
	public Handshake parseHandshake(String data, JsonMapper mapper) {
		return Handshake.parse(data, mapper);
	}

	@Override
	public boolean clientPings() {
		return false;
	}

	@Override
	public String encodePayload(List<EnginePacket> packets) {
		return EngineCodec.encodePayload(packets);
	}

	@Override
	public List<EnginePacket> decodePayload(String payload) {
		if (isEngineIo3Payload(payload)) {
			throw new OlderProtocolException("The server answered with an Engine.IO 3 payload: it speaks Socket.IO "
					+ "protocol 4 (a Socket.IO 1.x or 2.x server, or netty-socketio 1.x)");
		}
		return EngineCodec.decodePayload(payload);
	}

	/**
	 * Engine.IO 4 has no binary payload format, but netty-socketio 2.x labels its text payloads so:
	 * they are read as text, and what starts as the Engine.IO 3 format does (a byte 0 or 1) shows
	 * an older server.
	 */
	@Override
	public List<EnginePacket> decodeBinaryPayload(byte[] payload) {
		if (payload.length > 0 && (payload[0] == 0 || payload[0] == 1)) {
			throw new OlderProtocolException("The server answered with an Engine.IO 3 binary payload: it speaks "
					+ "Socket.IO protocol 4 (a Socket.IO 1.x or 2.x server, or netty-socketio 1.x)");
		}
		return decodePayload(new String(payload, StandardCharsets.UTF_8));
	}

	/**
	 * Whether a payload starts as an Engine.IO 3 payload does: a record length and a colon. No
	 * Engine.IO 4 payload of a Socket.IO server does: its first packet's type digit is never
	 * followed by a colon.
	 */
	private static boolean isEngineIo3Payload(String payload) {
		int digits = 0;
		while (digits < payload.length() && payload.charAt(digits) >= '0' && payload.charAt(digits) <= '9') {
			digits++;
		}
		return digits > 0 && digits < payload.length() && payload.charAt(digits) == ':';
	}

	@Override
	public long payloadSize(EnginePacket packet) {
		byte[] binary = packet.binary();
		if (binary != null) {
			return 1 + 4 * ((binary.length + 2) / 3L) + 1;
		}
		String data = packet.data();
		return 1 + ((data != null) ? EngineCodec.utf8Length(data) : 0) + 1;
	}

	@Override
	public byte[] binaryFrame(byte[] message) {
		return message;
	}

	@Override
	public byte[] binaryMessage(byte[] frame) {
		return frame;
	}

	@Override
	public String probe() {
		return PROBE;
	}

	@Override
	public String probeAnswer() {
		return PROBE_ANSWER;
	}

	@Override
	public String upgrade() {
		return UPGRADE;
	}

	@Override
	public String toString() {
		return "Engine.IO 4";
	}

}
