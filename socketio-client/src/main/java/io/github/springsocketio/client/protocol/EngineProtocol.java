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

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * What differs between revisions of the Engine.IO protocol, for the session and the transports:
 * the {@code EIO} query value, the handshake, who pings, how packets are framed in a long-polling
 * payload and in a binary WebSocket frame, and the strings of the transport upgrade. A new revision
 * is one more implementation.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public interface EngineProtocol {

	/**
	 * Engine.IO 4, of Socket.IO 3 and later servers.
	 */
	EngineProtocol V4 = new EngineProtocolV4();

	/**
	 * Engine.IO 3, of Socket.IO 1.x and 2.x servers.
	 */
	EngineProtocol V3 = new EngineProtocolV3();

	/**
	 * The revision as the {@code EIO} query parameter names it.
	 * @return e.g. {@code "4"}
	 */
	String version();

	/**
	 * Parses the data of the server's OPEN packet.
	 * @param data the JSON data
	 * @param mapper the mapper to parse with
	 * @return the handshake
	 * @throws io.github.springsocketio.client.ProtocolException when it is not a valid handshake
	 */
	Handshake parseHandshake(String data, JsonMapper mapper);

	/**
	 * Whether the client pings the server (every ping interval, a pong expected within the ping
	 * timeout) rather than the server the client.
	 * @return whether the client pings
	 */
	boolean clientPings();

	/**
	 * Encodes packets as one long-polling payload.
	 * @param packets the packets
	 * @return the payload
	 */
	String encodePayload(List<EnginePacket> packets);

	/**
	 * Decodes a long-polling payload.
	 * @param payload the payload
	 * @return the packets, in order
	 * @throws io.github.springsocketio.client.ProtocolException when it cannot be decoded
	 * @throws OlderProtocolException when it is framed as an older revision frames payloads
	 */
	List<EnginePacket> decodePayload(String payload);

	/**
	 * Decodes a long-polling payload the server sent as {@code application/octet-stream}.
	 * @param payload the payload
	 * @return the packets, in order
	 * @throws io.github.springsocketio.client.ProtocolException when it cannot be decoded
	 * @throws OlderProtocolException when the revision has no such payloads but an older one does
	 */
	List<EnginePacket> decodeBinaryPayload(byte[] payload);

	/**
	 * How many bytes a packet adds to a long-polling payload, separator included.
	 * @param packet the packet
	 * @return the size in bytes
	 */
	long payloadSize(EnginePacket packet);

	/**
	 * The binary WebSocket frame that carries a binary message.
	 * @param message the message
	 * @return the frame
	 */
	byte[] binaryFrame(byte[] message);

	/**
	 * The binary message a binary WebSocket frame carries.
	 * @param frame the frame
	 * @return the message
	 * @throws io.github.springsocketio.client.ProtocolException when the frame is not a message
	 */
	byte[] binaryMessage(byte[] frame);

	/**
	 * What the client sends on the new transport to probe it during an upgrade.
	 * @return the probe
	 */
	String probe();

	/**
	 * What the server answers a probe with.
	 * @return the answer
	 */
	String probeAnswer();

	/**
	 * What the client sends on the new transport to complete an upgrade.
	 * @return the upgrade packet
	 */
	String upgrade();

}
