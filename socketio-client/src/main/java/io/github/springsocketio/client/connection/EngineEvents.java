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
package io.github.springsocketio.client.connection;

import java.util.function.Supplier;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.engine.CloseReason;
import io.github.springsocketio.client.engine.EngineListener;
import io.github.springsocketio.client.engine.EngineSession;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.Handshake;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketDecoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What one Engine.IO session of a {@link Connection} reports, on its serial executor: its messages
 * decoded into Socket.IO packets and handed up, or the session closed on a packet that cannot be
 * decoded. Events of a session that is no longer the connection's current one are ignored.
 */
final class EngineEvents implements EngineListener {

	private static final Log logger = LogFactory.getLog(EngineEvents.class);

	private final Connection connection;

	private final SocketPacketDecoder decoder;

	private @Nullable EngineSession session;

	EngineEvents(Connection connection, SocketPacketDecoder decoder) {
		this.connection = connection;
		this.decoder = decoder;
	}

	/**
	 * Binds these events to their session, once it is created.
	 * @param session the session
	 */
	void bind(EngineSession session) {
		this.session = session;
	}

	@Override
	public void onOpen(Handshake handshake) {
		if (this.session != null && this.connection.isCurrent(this.session)) {
			this.connection.engineOpened(handshake);
		}
	}

	@Override
	public void onMessage(String text) {
		if (this.connection.observed()) {
			this.connection.observers().bytesReceived(EngineCodec.utf8Length(text));
		}
		receive(() -> this.decoder.decode(text));
	}

	@Override
	public void onMessage(byte[] bytes) {
		if (this.connection.observed()) {
			this.connection.observers().bytesReceived(bytes.length);
		}
		receive(() -> this.decoder.decode(bytes));
	}

	private void receive(Supplier<@Nullable SocketPacket> decode) {
		EngineSession current = this.session;
		if (current == null || !this.connection.isCurrent(current)) {
			return;
		}
		SocketPacket packet;
		try {
			packet = decode.get();
		}
		catch (ProtocolException ex) {
			logger.warn("Closing the connection to " + this.connection.loggedUrl() + ": " + ex.getMessage());
			current.close(CloseReason.PARSE_ERROR, ex.getMessage(), ex);
			return;
		}
		if (packet != null) {
			this.connection.route(packet);
		}
	}

	@Override
	public void onClose(CloseReason reason, String description, @Nullable Throwable cause) {
		if (reason != CloseReason.FORCED_CLOSE && this.session != null && this.connection.isCurrent(this.session)) {
			this.connection.engineClosed(reason, description, cause);
		}
	}

}
