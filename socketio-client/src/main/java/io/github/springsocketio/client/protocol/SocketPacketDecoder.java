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
import java.util.Map;

import io.github.springsocketio.client.ProtocolException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes Socket.IO v5 packets from the Engine.IO messages of one connection, putting binary
 * attachments back in place of their placeholders. Stateful (a binary packet spans several
 * messages) and so confined to one thread at a time. Malformed input throws
 * {@link ProtocolException} and leaves the decoder ready for the next packet.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class SocketPacketDecoder {

	/** The attachment limit of the reference JavaScript parser. */
	public static final int DEFAULT_MAX_ATTACHMENTS = 10;

	/** Shares the mapper's caches: a mapper of its own per client cost kilobytes of heap each. */
	private final ObjectReader reader;

	private final int maxAttachments;

	private @Nullable SocketPacket pending;

	private final List<byte[]> attachments = new ArrayList<>();

	private int expectedAttachments;

	/**
	 * Creates a decoder.
	 * @param mapper the mapper that parses payloads
	 * @param maxAttachments the most attachments one packet may have
	 */
	public SocketPacketDecoder(JsonMapper mapper, int maxAttachments) {
		this.reader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.maxAttachments = maxAttachments;
	}

	/**
	 * Decodes the text of an Engine.IO message.
	 * @param text the message
	 * @return the packet, or {@code null} when it waits for binary attachments
	 * @throws ProtocolException when the text is not a valid packet
	 */
	public @Nullable SocketPacket decode(String text) {
		if (this.pending != null) {
			reset();
			throw new ProtocolException("Got a text packet while waiting for the attachments of a binary packet");
		}
		Reader reader = new Reader(text);
		SocketPacketType type = SocketPacketType.fromCode(reader.next());
		long attachmentCount = 0;
		if (type == SocketPacketType.BINARY_EVENT || type == SocketPacketType.BINARY_ACK) {
			attachmentCount = reader.attachmentCount();
			if (attachmentCount > this.maxAttachments) {
				throw new ProtocolException(
						"Too many attachments: " + attachmentCount + " (the limit is " + this.maxAttachments + ")");
			}
		}
		String namespace = reader.namespace();
		long ackId = reader.ackId();
		JsonNode data = reader.hasMore() ? parse(reader.rest()) : null;
		SocketPacketType plainType = (type == SocketPacketType.BINARY_EVENT) ? SocketPacketType.EVENT
				: (type == SocketPacketType.BINARY_ACK) ? SocketPacketType.ACK : type;
		validate(plainType, ackId, data);
		SocketPacket packet = new SocketPacket(plainType, namespace, ackId, data);
		if (attachmentCount > 0) {
			this.pending = packet;
			this.expectedAttachments = (int) attachmentCount;
			return null;
		}
		return packet;
	}

	/**
	 * Decodes a binary Engine.IO message: the next attachment of the pending binary packet.
	 * @param attachment the bytes
	 * @return the complete packet, or {@code null} when more attachments are expected
	 * @throws ProtocolException when no binary packet waits for attachments, or a placeholder
	 * does not match them
	 */
	public @Nullable SocketPacket decode(byte[] attachment) {
		SocketPacket packet = this.pending;
		if (packet == null) {
			throw new ProtocolException("Got binary data with no binary packet waiting for it");
		}
		this.attachments.add(attachment);
		if (this.attachments.size() < this.expectedAttachments) {
			return null;
		}
		try {
			JsonNode data = (packet.data() != null) ? replacePlaceholders(packet.data()) : null;
			return new SocketPacket(packet.type(), packet.namespace(), packet.ackId(), data);
		}
		finally {
			reset();
		}
	}

	/**
	 * Drops a partly received binary packet, e.g. when the connection closed.
	 */
	public void reset() {
		this.pending = null;
		this.attachments.clear();
		this.expectedAttachments = 0;
	}

	private JsonNode parse(String json) {
		try {
			return this.reader.readTree(json);
		}
		catch (JacksonException ex) {
			throw new ProtocolException("Invalid JSON in a Socket.IO packet: " + ex.getOriginalMessage(), ex);
		}
	}

	private static void validate(SocketPacketType type, long ackId, @Nullable JsonNode data) {
		boolean valid = switch (type) {
			case CONNECT -> data == null || data.isObject();
			case DISCONNECT -> data == null;
			case EVENT -> data != null && data.isArray() && !data.isEmpty() && isEventName(data.get(0));
			case ACK -> data != null && data.isArray() && ackId != SocketPacket.NO_ACK;
			case CONNECT_ERROR -> data != null && (data.isString() || data.isObject());
			default -> false;
		};
		if (!valid) {
			throw new ProtocolException("Invalid payload for a Socket.IO " + type + " packet");
		}
	}

	private static boolean isEventName(JsonNode name) {
		return (name.isString() && !SocketPacket.RESERVED_EVENTS.contains(name.stringValue())) || name.isNumber();
	}

	private JsonNode replacePlaceholders(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode marker = object.get("_placeholder");
			if (marker != null && marker.isBoolean() && marker.booleanValue()) {
				JsonNode num = object.get("num");
				if (num == null || !num.isIntegralNumber() || num.asLong() < 0 || num.asLong() >= this.attachments.size()) {
					throw new ProtocolException("Illegal attachment placeholder: " + object);
				}
				return BinaryNode.valueOf(this.attachments.get(num.asInt()));
			}
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				property.setValue(replacePlaceholders(property.getValue()));
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, replacePlaceholders(array.get(i)));
			}
		}
		return node;
	}

	/**
	 * Reads the header of a packet: {@code <type>[<attachments>-][<namespace>,][<ack id>][<json>]}.
	 */
	private static final class Reader {

		private final String text;

		private int position;

		Reader(String text) {
			this.text = text;
		}

		char next() {
			if (this.position >= this.text.length()) {
				throw new ProtocolException("Empty Socket.IO packet");
			}
			return this.text.charAt(this.position++);
		}

		boolean hasMore() {
			return this.position < this.text.length();
		}

		long attachmentCount() {
			int dash = this.text.indexOf('-', this.position);
			if (dash <= this.position) {
				throw new ProtocolException("Missing attachment count in a binary packet");
			}
			long count = digits(this.position, dash, "attachment count");
			this.position = dash + 1;
			return count;
		}

		String namespace() {
			if (!hasMore() || this.text.charAt(this.position) != '/') {
				return "/";
			}
			int comma = this.text.indexOf(',', this.position);
			int end = (comma < 0) ? this.text.length() : comma;
			String namespace = this.text.substring(this.position, end);
			this.position = (comma < 0) ? end : comma + 1;
			return namespace;
		}

		long ackId() {
			int start = this.position;
			while (this.position < this.text.length() && isDigit(this.text.charAt(this.position))) {
				this.position++;
			}
			return (this.position > start) ? digits(start, this.position, "ack id") : SocketPacket.NO_ACK;
		}

		String rest() {
			return this.text.substring(this.position);
		}

		private long digits(int start, int end, String what) {
			if (end - start > 15) {
				throw new ProtocolException("The " + what + " is too large");
			}
			long value = 0;
			for (int i = start; i < end; i++) {
				char c = this.text.charAt(i);
				if (!isDigit(c)) {
					throw new ProtocolException("Invalid " + what + " in a Socket.IO packet");
				}
				value = value * 10 + (c - '0');
			}
			return value;
		}

		private static boolean isDigit(char c) {
			return c >= '0' && c <= '9';
		}

	}

}
