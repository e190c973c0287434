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
package io.github.springsocketio.test.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.EnginePacketType;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection: a session of its own, or the probe of a polling session that becomes
 * its transport once the client sends the upgrade packet.
 */
final class EngineWebSocket extends Endpoint implements WebSocketChannel {

	private final Sessions sessions;

	private final HandshakeInfo handshake;

	/** Until the upgrade: the polling session being probed. */
	private volatile @Nullable EngineSession probed;

	private volatile @Nullable EngineSession session;

	private volatile @Nullable Session connection;

	EngineWebSocket(Sessions sessions, HandshakeInfo handshake, @Nullable EngineSession probed) {
		this.sessions = sessions;
		this.handshake = handshake;
		this.probed = probed;
	}

	@Override
	public void onOpen(Session connection, EndpointConfig config) {
		this.connection = connection;
		int maxPayload = this.sessions.options().maxPayload();
		connection.setMaxTextMessageBufferSize(maxPayload);
		connection.setMaxBinaryMessageBufferSize(maxPayload);
		connection.setMaxIdleTimeout(0);
		connection.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
		connection.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) this::onBinary);
		if (this.probed == null) {
			try {
				this.session = this.sessions.open(this.handshake, null, this);
			}
			catch (IOException | RuntimeException ex) {
				close();
			}
		}
	}

	private void onText(String text) {
		EnginePacket packet;
		try {
			packet = EngineCodec.decode(text);
		}
		catch (ProtocolException ex) {
			close();
			return;
		}
		EngineSession probedSession = this.probed;
		if (probedSession != null) {
			probe(probedSession, packet);
		}
		else if (this.session != null) {
			this.session.received(packet);
		}
	}

	private void probe(EngineSession probedSession, EnginePacket packet) {
		try {
			if (packet.type() == EnginePacketType.PING && "probe".equals(packet.data())) {
				write(List.of(new EnginePacket(EnginePacketType.PONG, "probe", null)));
				probedSession.upgradeProbed(this);
			}
			else if (packet.type() == EnginePacketType.UPGRADE) {
				this.probed = null;
				this.session = probedSession;
				probedSession.upgraded(this);
			}
		}
		catch (IOException | RuntimeException ex) {
			close();
		}
	}

	private void onBinary(byte[] bytes) {
		if (this.session != null && this.probed == null) {
			this.session.received(EnginePacket.binaryMessage(bytes));
		}
	}

	@Override
	public void onClose(Session connection, CloseReason reason) {
		ended();
	}

	@Override
	public void onError(Session connection, Throwable failure) {
		ended();
	}

	private void ended() {
		EngineSession probedSession = this.probed;
		if (probedSession != null) {
			probedSession.upgradeAbandoned();
		}
		else if (this.session != null) {
			this.session.transportClosed(this, "transport close");
		}
	}

	@Override
	public void write(List<EnginePacket> packets) throws IOException {
		Session open = this.connection;
		if (open == null) {
			throw new IOException("The WebSocket is not open");
		}
		for (EnginePacket packet : packets) {
			byte[] binary = packet.binary();
			if (binary != null) {
				open.getBasicRemote().sendBinary(ByteBuffer.wrap(binary));
			}
			else {
				open.getBasicRemote().sendText(EngineCodec.encode(packet));
			}
		}
	}

	@Override
	public void close() {
		Session open = this.connection;
		if (open != null && open.isOpen()) {
			try {
				open.close();
			}
			catch (IOException ex) {
				// Closed already.
			}
		}
	}

}
