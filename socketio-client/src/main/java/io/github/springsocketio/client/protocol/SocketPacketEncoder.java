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

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes Socket.IO v5 packets. Payloads are written with a Jackson {@link JsonMapper}; every
 * binary value in them ({@code byte[]}, {@code ByteBuffer}, binary nodes, anything Jackson writes
 * as binary) becomes a placeholder {@code {"_placeholder":true,"num":n}} and an attachment, which
 * turns an EVENT into a BINARY_EVENT and an ACK into a BINARY_ACK. Thread-safe.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class SocketPacketEncoder {

	/** Each thread's packet buffer, kept between packets unless it grew large. */
	private static final ThreadLocal<@Nullable StringBuilder> BUFFERS = new ThreadLocal<>();

	private static final int MAX_KEPT_BUFFER = 64 * 1024;

	private final JsonMapper mapper;

	/**
	 * Creates an encoder.
	 * @param mapper the mapper that writes payloads
	 */
	public SocketPacketEncoder(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Encodes a packet.
	 * @param type the type: CONNECT, DISCONNECT, EVENT or ACK
	 * @param namespace the namespace
	 * @param ackId the ack id or {@link SocketPacket#NO_ACK}
	 * @param payload the payload (an event's name and arguments as one list), or {@code null}
	 * @return the encoded packet
	 * @throws IllegalArgumentException when the payload cannot be written as JSON
	 */
	public EncodedPacket encode(SocketPacketType type, String namespace, long ackId, @Nullable Object payload) {
		StringBuilder kept = BUFFERS.get();
		// Taken out while in use, in case a serializer encodes another packet on this thread.
		BUFFERS.set(null);
		StringBuilder text = (kept != null) ? kept : new StringBuilder(256);
		try {
			return encode(text, type, namespace, ackId, payload);
		}
		finally {
			if (text.capacity() <= MAX_KEPT_BUFFER) {
				text.setLength(0);
				BUFFERS.set(text);
			}
		}
	}

	/**
	 * Writes a value as JSON text, with the mapper of the payloads.
	 * @param value the value
	 * @return the JSON
	 * @throws IllegalArgumentException when the value cannot be written as JSON
	 */
	public String json(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON", ex);
		}
	}

	private EncodedPacket encode(StringBuilder text, SocketPacketType type, String namespace, long ackId,
			@Nullable Object payload) {
		appendHeader(text, type, 0, namespace, ackId);
		int headerLength = text.length();
		List<byte[]> attachments = new ArrayList<>(0);
		if (payload != null) {
			writeJson(payload, text, attachments);
		}
		if (!attachments.isEmpty()) {
			SocketPacketType binaryType = switch (type) {
				case EVENT, BINARY_EVENT -> SocketPacketType.BINARY_EVENT;
				case ACK, BINARY_ACK -> SocketPacketType.BINARY_ACK;
				default -> throw new IllegalArgumentException("A " + type + " packet cannot carry binary data");
			};
			StringBuilder header = new StringBuilder(headerLength + 8);
			appendHeader(header, binaryType, attachments.size(), namespace, ackId);
			text.replace(0, headerLength, header.toString());
		}
		return new EncodedPacket(text.toString(), attachments);
	}

	private static void appendHeader(StringBuilder text, SocketPacketType type, int attachments, String namespace,
			long ackId) {
		text.append(type.code());
		if (attachments > 0) {
			text.append(attachments).append('-');
		}
		if (!"/".equals(namespace)) {
			text.append(namespace).append(',');
		}
		if (ackId != SocketPacket.NO_ACK) {
			text.append(ackId);
		}
	}

	private void writeJson(Object payload, StringBuilder text, List<byte[]> attachments) {
		try (JsonGenerator generator = new PlaceholderGenerator(this.mapper.createGenerator(new BuilderWriter(text)),
				attachments)) {
			this.mapper.writeValue(generator, payload);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write the payload as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Appends to a StringBuilder, without the locking of {@link java.io.StringWriter}.
	 */
	private static final class BuilderWriter extends Writer {

		private final StringBuilder text;

		BuilderWriter(StringBuilder text) {
			this.text = text;
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			this.text.append(chars, offset, length);
		}

		@Override
		public void write(String string, int offset, int length) {
			this.text.append(string, offset, offset + length);
		}

		@Override
		public void write(int c) {
			this.text.append((char) c);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

	/**
	 * Writes a placeholder wherever a serializer writes binary data, and keeps the bytes.
	 */
	private static final class PlaceholderGenerator extends JsonGeneratorDelegate {

		private final List<byte[]> attachments;

		PlaceholderGenerator(JsonGenerator delegate, List<byte[]> attachments) {
			super(delegate, false);
			this.attachments = attachments;
		}

		@Override
		public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
			byte[] copy = new byte[length];
			System.arraycopy(data, offset, copy, 0, length);
			return placeholder(copy);
		}

		@Override
		public JsonGenerator writeBinary(byte[] data, int offset, int length) {
			return writeBinary(null, data, offset, length);
		}

		@Override
		public JsonGenerator writeBinary(byte[] data) {
			return writeBinary(null, data, 0, data.length);
		}

		@Override
		public int writeBinary(Base64Variant variant, InputStream data, int length) {
			try {
				byte[] bytes = (length < 0) ? data.readAllBytes() : data.readNBytes(length);
				placeholder(bytes);
				return bytes.length;
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("Cannot read binary data", ex);
			}
		}

		@Override
		public int writeBinary(InputStream data, int length) {
			return writeBinary(null, data, length);
		}

		private JsonGenerator placeholder(byte[] bytes) {
			int num = this.attachments.size();
			this.attachments.add(bytes);
			JsonGenerator target = delegate();
			target.writeStartObject();
			target.writeName("_placeholder");
			target.writeBoolean(true);
			target.writeName("num");
			target.writeNumber(num);
			target.writeEndObject();
			return this;
		}

	}

}
