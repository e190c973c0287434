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
import java.util.Base64;
import java.util.List;

import io.github.springsocketio.client.ProtocolException;

/**
 * Encodes and decodes Engine.IO v4 packets: one packet per WebSocket frame, or several in an
 * HTTP long-polling payload separated by the record separator, binary ones as {@code b<base64>}.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class EngineCodec {

	/** The separator of packets in a polling payload. */
	public static final char RECORD_SEPARATOR = '\u001e';

	/**
	 * The most packets a polling payload may hold: without a bound, 16 MB of pings would become
	 * eight million packets. A server holds what it emits between two polls in one payload, so
	 * the bound is far above any burst of events.
	 */
	public static final int MAX_PAYLOAD_RECORDS = 1_000_000;

	private EngineCodec() {
	}

	/**
	 * Encodes a text packet as a WebSocket text frame.
	 * @param packet a packet that is not a binary message
	 * @return the frame
	 */
	public static String encode(EnginePacket packet) {
		if (packet.isBinary()) {
			throw new IllegalArgumentException("A binary message travels as a binary frame");
		}
		String data = packet.data();
		return (data != null) ? packet.type().code() + data : String.valueOf(packet.type().code());
	}

	/**
	 * Decodes a WebSocket text frame.
	 * @param frame the frame
	 * @return the packet
	 * @throws ProtocolException when the frame is not an Engine.IO packet
	 */
	public static EnginePacket decode(String frame) {
		if (frame.isEmpty()) {
			throw new ProtocolException("Empty Engine.IO packet");
		}
		EnginePacketType type = EnginePacketType.fromCode(frame.charAt(0));
		return new EnginePacket(type, (frame.length() > 1) ? frame.substring(1) : null, null);
	}

	/**
	 * Decodes a WebSocket binary frame, which is always a message in Engine.IO v4.
	 * @param frame the frame
	 * @return the packet
	 */
	public static EnginePacket decode(byte[] frame) {
		return EnginePacket.binaryMessage(frame);
	}

	/**
	 * Encodes packets as one HTTP long-polling payload.
	 * @param packets the packets
	 * @return the payload
	 */
	public static String encodePayload(List<EnginePacket> packets) {
		StringBuilder payload = new StringBuilder();
		for (EnginePacket packet : packets) {
			if (!payload.isEmpty()) {
				payload.append(RECORD_SEPARATOR);
			}
			byte[] binary = packet.binary();
			if (binary != null) {
				payload.append('b').append(Base64.getEncoder().encodeToString(binary));
			}
			else {
				payload.append(encode(packet));
			}
		}
		return payload.toString();
	}

	/**
	 * Decodes an HTTP long-polling payload.
	 * @param payload the payload
	 * @return the packets, in order
	 * @throws ProtocolException when a record is not an Engine.IO packet
	 */
	public static List<EnginePacket> decodePayload(String payload) {
		List<EnginePacket> packets = new ArrayList<>();
		int start = 0;
		while (start <= payload.length()) {
			int end = payload.indexOf(RECORD_SEPARATOR, start);
			if (end < 0) {
				end = payload.length();
			}
			checkRecordCount(packets.size());
			packets.add(decodeRecord(payload.substring(start, end)));
			start = end + 1;
		}
		return packets;
	}

	/**
	 * Refuses a payload that holds too many packets.
	 * @param decoded how many packets of the payload were read so far
	 * @throws ProtocolException when there is no room for another
	 */
	public static void checkRecordCount(int decoded) {
		if (decoded >= MAX_PAYLOAD_RECORDS) {
			throw new ProtocolException("A polling payload holds more than " + MAX_PAYLOAD_RECORDS + " packets");
		}
	}

	/**
	 * The length of a text in UTF-8, without encoding it.
	 * @param text the text
	 * @return the number of bytes
	 */
	public static long utf8Length(String text) {
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

	private static EnginePacket decodeRecord(String record) {
		if (record.startsWith("b")) {
			try {
				return EnginePacket.binaryMessage(Base64.getDecoder().decode(record.substring(1)));
			}
			catch (IllegalArgumentException ex) {
				throw new ProtocolException("Invalid base64 in a binary record of a polling payload", ex);
			}
		}
		return decode(record);
	}

}
