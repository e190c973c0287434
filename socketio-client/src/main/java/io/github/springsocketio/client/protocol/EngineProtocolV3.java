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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.github.springsocketio.client.ProtocolException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engine.IO 3: the client pings; a text long-polling payload frames each packet as
 * {@code <length>:<packet>}, the length counted in UTF-16 code units as JavaScript counts a
 * string's length, binary ones as {@code b4<base64>}; a server may answer in the binary payload
 * format instead ({@code application/octet-stream}: per packet a byte 0 for text or 1 for binary,
 * the length in bytes as one byte per digit, 255, then the packet); a binary WebSocket frame
 * starts with the packet type. The client posts text payloads, which every server reads, and
 * does not ask for base64 ({@code b64=1}), which netty-socketio answers by URL-decoding posts.
 */
final class EngineProtocolV3 implements EngineProtocol {

	/** The packet type of a message, as a digit after the {@code b} of a base64 record. */
	private static final char MESSAGE = EnginePacketType.MESSAGE.code();

	/** The packet type of a message, as the first byte of a binary WebSocket frame (4, not the digit). */
	private static final byte MESSAGE_BYTE = (byte) (MESSAGE - '0');

	/** No packet is longer than this many UTF-16 code units in ten digits; longer counts are refused. */
	private static final int MAX_LENGTH_DIGITS = 10;

	@Override
	public String version() {
		return "3";
	}

	@Override
	public Handshake parseHandshake(String data, JsonMapper mapper) {
		return Handshake.parse(data, mapper);
	}

	@Override
	public boolean clientPings() {
		return true;
	}

	@Override
	public String encodePayload(List<EnginePacket> packets) {
		StringBuilder payload = new StringBuilder();
		for (EnginePacket packet : packets) {
			String record = record(packet);
			payload.append(record.length()).append(':').append(record);
		}
		return payload.toString();
	}

	private static String record(EnginePacket packet) {
		byte[] binary = packet.binary();
		return (binary != null) ? "b" + MESSAGE + Base64.getEncoder().encodeToString(binary) : EngineCodec.encode(packet);
	}

	@Override
	public List<EnginePacket> decodePayload(String payload) {
		if (payload.isEmpty()) {
			throw new ProtocolException("Empty Engine.IO 3 polling payload");
		}
		List<EnginePacket> packets = new ArrayList<>();
		int position = 0;
		while (position < payload.length()) {
			int colon = payload.indexOf(':', position);
			if (colon <= position || colon - position > MAX_LENGTH_DIGITS) {
				throw new ProtocolException("Invalid record length in an Engine.IO 3 polling payload");
			}
			long length = length(payload, position, colon);
			int start = colon + 1;
			if (length > payload.length() - start) {
				throw new ProtocolException("A record of an Engine.IO 3 polling payload declares " + length
						+ " characters but " + (payload.length() - start) + " remain");
			}
			int end = start + (int) length;
			if (end > start) {
				EngineCodec.checkRecordCount(packets.size());
				packets.add(decodeRecord(payload.substring(start, end)));
			}
			position = end;
		}
		return packets;
	}

	/**
	 * Reads the binary payload format; a body so labelled that does not start as it does (a byte
	 * 0 or 1) is read as a text payload.
	 */
	@Override
	public List<EnginePacket> decodeBinaryPayload(byte[] payload) {
		if (payload.length > 0 && payload[0] != 0 && payload[0] != 1) {
			return decodePayload(new String(payload, StandardCharsets.UTF_8));
		}
		List<EnginePacket> packets = new ArrayList<>();
		int position = 0;
		while (position < payload.length) {
			byte kind = payload[position++];
			if (kind != 0 && kind != 1) {
				throw new ProtocolException("Invalid record kind in an Engine.IO 3 binary polling payload");
			}
			long length = 0;
			int digits = 0;
			while (position < payload.length && payload[position] != (byte) 0xFF) {
				byte digit = payload[position++];
				if (digit < 0 || digit > 9 || ++digits > MAX_LENGTH_DIGITS) {
					throw new ProtocolException("Invalid record length in an Engine.IO 3 binary polling payload");
				}
				length = length * 10 + digit;
			}
			position++;
			if (digits == 0 || position > payload.length || length > payload.length - position) {
				throw new ProtocolException("A record of an Engine.IO 3 binary polling payload is cut short");
			}
			int end = position + (int) length;
			EngineCodec.checkRecordCount(packets.size());
			if (kind == 1) {
				packets.add(EnginePacket.binaryMessage(binaryMessage(Arrays.copyOfRange(payload, position, end))));
			}
			else if (end > position) {
				packets.add(decodeRecord(new String(payload, position, end - position, StandardCharsets.UTF_8)));
			}
			position = end;
		}
		return packets;
	}

	private static long length(String payload, int start, int end) {
		long length = 0;
		for (int i = start; i < end; i++) {
			char c = payload.charAt(i);
			if (c < '0' || c > '9') {
				throw new ProtocolException("Invalid record length in an Engine.IO 3 polling payload");
			}
			length = length * 10 + (c - '0');
		}
		return length;
	}

	private static EnginePacket decodeRecord(String record) {
		if (record.charAt(0) != 'b') {
			return EngineCodec.decode(record);
		}
		if (record.length() < 2 || record.charAt(1) != MESSAGE) {
			throw new ProtocolException("A base64 record of an Engine.IO 3 polling payload is not a message");
		}
		try {
			return EnginePacket.binaryMessage(Base64.getDecoder().decode(record.substring(2)));
		}
		catch (IllegalArgumentException ex) {
			throw new ProtocolException("Invalid base64 in a binary record of an Engine.IO 3 polling payload", ex);
		}
	}

	@Override
	public long payloadSize(EnginePacket packet) {
		byte[] binary = packet.binary();
		String data = packet.data();
		long characters = (binary != null) ? 2 + 4 * ((binary.length + 2) / 3L) : 1 + ((data != null) ? data.length() : 0);
		long bytes = (binary != null) ? characters : 1 + ((data != null) ? EngineCodec.utf8Length(data) : 0);
		return String.valueOf(characters).length() + 1 + bytes;
	}

	@Override
	public byte[] binaryFrame(byte[] message) {
		byte[] frame = new byte[message.length + 1];
		frame[0] = MESSAGE_BYTE;
		System.arraycopy(message, 0, frame, 1, message.length);
		return frame;
	}

	@Override
	public byte[] binaryMessage(byte[] frame) {
		if (frame.length == 0 || frame[0] != MESSAGE_BYTE) {
			throw new ProtocolException("A binary Engine.IO 3 WebSocket frame must start with the message type 4");
		}
		byte[] message = new byte[frame.length - 1];
		System.arraycopy(frame, 1, message, 0, message.length);
		return message;
	}

	@Override
	public String probe() {
		return EngineProtocolV4.PROBE;
	}

	@Override
	public String probeAnswer() {
		return EngineProtocolV4.PROBE_ANSWER;
	}

	@Override
	public String upgrade() {
		return EngineProtocolV4.UPGRADE;
	}

	@Override
	public String toString() {
		return "Engine.IO 3";
	}

}
