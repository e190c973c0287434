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

import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A decoded Socket.IO packet. Binary attachments are already put back in place of their
 * placeholders as binary nodes, so binary events and acks come out as {@link SocketPacketType#EVENT}
 * and {@link SocketPacketType#ACK}.
 *
 * @param type the packet type
 * @param namespace the namespace, {@code /} by default
 * @param ackId the ack id, or {@link #NO_ACK}
 * @param data the JSON payload, or {@code null}
 * @author springsocketio
 * @since 0.1.0
 */
public record SocketPacket(SocketPacketType type, String namespace, long ackId, @Nullable JsonNode data) {

	/** The ack id of a packet that carries none. */
	public static final long NO_ACK = -1;

	/** Event names that neither side may emit. */
	public static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect", "disconnecting",
			"newListener", "removeListener");

	/**
	 * Creates a packet.
	 * @param type the packet type
	 * @param namespace the namespace
	 * @param ackId the ack id, or {@link #NO_ACK}
	 * @param data the JSON payload, or {@code null}
	 */
	public SocketPacket {
		Objects.requireNonNull(type, "'type' must not be null");
		Objects.requireNonNull(namespace, "'namespace' must not be null");
	}

	/**
	 * Whether the packet carries an ack id.
	 * @return whether an ack is requested or answered
	 */
	public boolean hasAckId() {
		return this.ackId != NO_ACK;
	}

}
