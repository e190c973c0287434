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
package io.github.springsocketio.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import io.github.springsocketio.client.protocol.SocketPacketType;
import io.github.springsocketio.test.server.EngineSession;
import org.jspecify.annotations.Nullable;

/**
 * Writes the server's Socket.IO packets to one Engine.IO session: a packet and its binary
 * attachments go out together.
 */
final class SocketSender {

	private final EngineSession session;

	private final SocketPacketEncoder encoder;

	SocketSender(EngineSession session, SocketPacketEncoder encoder) {
		this.session = session;
		this.encoder = encoder;
	}

	EngineSession session() {
		return this.session;
	}

	boolean event(String namespace, long ackId, String event, Object[] args) {
		List<Object> payload = new ArrayList<>(args.length + 1);
		payload.add(event);
		payload.addAll(Arrays.asList(args));
		return send(SocketPacketType.EVENT, namespace, ackId, payload);
	}

	boolean ack(String namespace, long ackId, Object[] args) {
		return send(SocketPacketType.ACK, namespace, ackId, Arrays.asList(args));
	}

	boolean connected(String namespace, String socketId) {
		return send(SocketPacketType.CONNECT, namespace, SocketPacket.NO_ACK, Map.of("sid", socketId));
	}

	boolean refused(String namespace, String message, @Nullable Object data) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		if (data != null) {
			error.put("data", data);
		}
		return send(SocketPacketType.CONNECT_ERROR, namespace, SocketPacket.NO_ACK, error);
	}

	boolean disconnect(String namespace) {
		return send(SocketPacketType.DISCONNECT, namespace, SocketPacket.NO_ACK, null);
	}

	private boolean send(SocketPacketType type, String namespace, long ackId, @Nullable Object payload) {
		EncodedPacket packet = this.encoder.encode(type, namespace, ackId, payload);
		List<EnginePacket> messages = new ArrayList<>(1 + packet.attachments().size());
		messages.add(EnginePacket.message(packet.text()));
		for (byte[] attachment : packet.attachments()) {
			messages.add(EnginePacket.binaryMessage(attachment));
		}
		return this.session.send(messages);
	}

}
