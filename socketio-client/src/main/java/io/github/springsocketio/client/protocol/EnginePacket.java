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

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One Engine.IO packet: a type and either text data, binary data (binary messages only) or nothing.
 *
 * @param type the packet type
 * @param data the text data, or {@code null}
 * @param binary the bytes of a binary message, or {@code null}
 * @author springsocketio
 * @since 0.1.0
 */
public record EnginePacket(EnginePacketType type, @Nullable String data, byte @Nullable [] binary) {

	/** The pong that answers a server ping. */
	public static final EnginePacket PONG = new EnginePacket(EnginePacketType.PONG, null, null);

	/** A close packet. */
	public static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, null, null);

	/**
	 * Creates a packet.
	 * @param type the packet type
	 * @param data the text data, or {@code null}
	 * @param binary the bytes of a binary message, or {@code null}
	 */
	public EnginePacket {
		Objects.requireNonNull(type, "'type' must not be null");
		if (binary != null && (type != EnginePacketType.MESSAGE || data != null)) {
			throw new IllegalArgumentException("Only a message carries binary data, and then no text");
		}
	}

	/**
	 * A text message.
	 * @param text the text
	 * @return the packet
	 */
	public static EnginePacket message(String text) {
		return new EnginePacket(EnginePacketType.MESSAGE, text, null);
	}

	/**
	 * A binary message.
	 * @param bytes the bytes
	 * @return the packet
	 */
	public static EnginePacket binaryMessage(byte[] bytes) {
		return new EnginePacket(EnginePacketType.MESSAGE, null, bytes);
	}

	/**
	 * Whether this is a binary message.
	 * @return whether the packet carries bytes
	 */
	public boolean isBinary() {
		return this.binary != null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof EnginePacket that) && this.type == that.type && Objects.equals(this.data, that.data)
				&& Arrays.equals(this.binary, that.binary);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.type, this.data, Arrays.hashCode(this.binary));
	}

	@Override
	public String toString() {
		return (this.binary != null) ? "EnginePacket[MESSAGE, " + this.binary.length + " bytes]"
				: "EnginePacket[" + this.type + ((this.data != null) ? ", " + this.data.length() + " chars]" : "]");
	}

}
