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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketDecoder;
import io.github.springsocketio.test.server.EngineListener;
import io.github.springsocketio.test.server.EngineSession;
import io.github.springsocketio.test.server.RandomIds;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's Engine.IO session seen as Socket.IO: it decodes the client's packets and routes
 * them to the namespaces. Decoding happens on the server thread that read the message; connects,
 * events and disconnects move to the event thread in arrival order; acknowledgements complete
 * where they are read, so that a handler waiting for one cannot block its own answer.
 */
final class ClientConnection implements EngineListener {

	private final EngineSession session;

	private final SocketSender sender;

	private final SocketPacketDecoder decoder;

	private final JsonMapper mapper;

	private final Function<String, ServerNamespace> namespaces;

	private final Executor events;

	private final Duration ackTimeout;

	private final Map<String, ClientSocket> sockets = new ConcurrentHashMap<>();

	ClientConnection(EngineSession session, SocketSender sender, JsonMapper mapper,
			Function<String, ServerNamespace> namespaces, Executor events, Duration ackTimeout) {
		this.session = session;
		this.sender = sender;
		this.decoder = new SocketPacketDecoder(mapper, SocketPacketDecoder.DEFAULT_MAX_ATTACHMENTS);
		this.mapper = mapper;
		this.namespaces = namespaces;
		this.events = events;
		this.ackTimeout = ackTimeout;
	}

	@Override
	public void onText(String text) {
		decoded(() -> this.decoder.decode(text));
	}

	@Override
	public void onBinary(byte[] bytes) {
		decoded(() -> this.decoder.decode(bytes));
	}

	/** Decodes under the decoder's lock; a malformed packet ends the session, as engine.io's parser does. */
	private void decoded(Supplier<@Nullable SocketPacket> decoding) {
		SocketPacket packet;
		synchronized (this.decoder) {
			try {
				packet = decoding.get();
			}
			catch (ProtocolException ex) {
				this.session.close();
				return;
			}
		}
		if (packet != null) {
			received(packet);
		}
	}

	@Override
	public void onClose(String reason) {
		this.events.execute(() -> {
			for (String namespace : new ArrayList<>(this.sockets.keySet())) {
				leave(namespace, reason);
			}
		});
	}

	private void received(SocketPacket packet) {
		switch (packet.type()) {
			case CONNECT -> this.events.execute(() -> connect(packet.namespace(), packet.data()));
			case EVENT -> this.events.execute(() -> event(packet));
			case ACK -> {
				ClientSocket socket = this.sockets.get(packet.namespace());
				if (socket != null) {
					socket.ackReceived(packet.ackId(), arguments(packet.data(), 0));
				}
			}
			case DISCONNECT -> this.events.execute(() -> leave(packet.namespace(), "client namespace disconnect"));
			default -> this.session.close();
		}
	}

	private void connect(String namespaceName, @Nullable JsonNode authData) {
		if (this.sockets.containsKey(namespaceName)) {
			return;
		}
		ServerNamespace namespace = this.namespaces.apply(namespaceName);
		Map<String, Object> auth = auth(authData);
		PendingConnect request = new PendingConnect(namespaceName, auth, this.session.handshake());
		namespace.admit(request);
		PendingConnect.Refusal refusal = request.refusal();
		if (refusal != null) {
			this.sender.refused(namespaceName, refusal.message(), refusal.data());
			return;
		}
		ClientSocket socket = new ClientSocket(RandomIds.next(), request, this.sender, this.ackTimeout,
				() -> this.events.execute(() -> leave(namespaceName, "server namespace disconnect")));
		this.sockets.put(namespaceName, socket);
		// Listed before the client can know, announced before any emit that finds it in the list.
		boolean[] announced = new boolean[1];
		this.session.atomically(() -> {
			namespace.add(socket);
			announced[0] = this.sender.connected(namespaceName, socket.id());
		});
		if (announced[0]) {
			namespace.connected(socket);
		}
		else {
			leave(namespaceName, "transport close");
		}
	}

	private void event(SocketPacket packet) {
		ClientSocket socket = this.sockets.get(packet.namespace());
		JsonNode data = packet.data();
		if (socket == null || data == null) {
			return;
		}
		String event = data.get(0).asString();
		Ack ack = packet.hasAckId() ? new ClientAck(this.sender, packet.namespace(), packet.ackId()) : Ack.NONE;
		this.namespaces.apply(packet.namespace()).dispatch(socket, event, arguments(data, 1), ack);
	}

	private void leave(String namespaceName, String reason) {
		ClientSocket socket = this.sockets.remove(namespaceName);
		if (socket != null) {
			socket.disconnected(reason);
			this.namespaces.apply(namespaceName).removed(socket);
		}
	}

	private Arguments arguments(@Nullable JsonNode array, int from) {
		List<JsonNode> values = new ArrayList<>();
		if (array != null) {
			for (int i = from; i < array.size(); i++) {
				values.add(array.get(i));
			}
		}
		return new Arguments(values, this.mapper);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> auth(@Nullable JsonNode data) {
		if (data == null || !data.isObject()) {
			return Map.of();
		}
		return Collections.unmodifiableMap(this.mapper.convertValue(data, LinkedHashMap.class));
	}

}
