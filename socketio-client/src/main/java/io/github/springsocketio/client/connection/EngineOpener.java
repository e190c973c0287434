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

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.springsocketio.client.Redaction;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.engine.EngineSession;
import io.github.springsocketio.client.namespace.Namespace;
import io.github.springsocketio.client.protocol.SocketPacketDecoder;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import io.github.springsocketio.client.protocol.SocketProtocol;
import io.github.springsocketio.client.transport.TransportRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the Engine.IO session of one connect attempt: its requests in the revision the
 * connection speaks (what the interceptors changed, and on protocol 4 the default namespace's
 * auth in the handshake's query), on one transport, with the upgrade to WebSocket where it applies.
 */
final class EngineOpener {

	private static final Log logger = LogFactory.getLog(EngineOpener.class);

	private final ClientOptions options;

	private final TransportRegistry transports;

	private final SerialExecutor serial;

	private final ScheduledExecutorService scheduler;

	private final JsonMapper mapper;

	private final SocketPacketEncoder encoder;

	EngineOpener(ClientOptions options, TransportRegistry transports, SerialExecutor serial,
			ScheduledExecutorService scheduler, JsonMapper mapper, SocketPacketEncoder encoder) {
		this.options = options;
		this.transports = transports;
		this.serial = serial;
		this.scheduler = scheduler;
		this.mapper = mapper;
		this.encoder = encoder;
	}

	/**
	 * Makes a session the current one of a connection and opens it; serial executor only.
	 * @param connection the connection, which the session reports to
	 * @param current where the connection keeps its current session
	 * @param revision the protocol revision to speak
	 * @param transport the transport to open
	 * @param attempt the handshake attempt, 1 for the first
	 */
	void open(Connection connection, CurrentEngine current, ProtocolRevisions.Revision revision, Transport transport,
			int attempt) {
		EngineRequests requests = EngineRequests.forAttempt(this.options, revision.engine(),
				defaultNamespaceQuery(revision.socket(), connection.namespace("/")), attempt);
		EngineEvents events = new EngineEvents(connection,
				new SocketPacketDecoder(this.mapper, SocketPacketDecoder.DEFAULT_MAX_ATTACHMENTS));
		EngineSession session = new EngineSession(this.serial, this.scheduler, this.mapper, revision.engine(), events);
		events.bind(session);
		current.use(session);
		if (transport == Transport.POLLING && this.options.upgrade() && this.transports.has(Transport.WEBSOCKET)) {
			session.enableUpgrade(this.transports.connector(Transport.WEBSOCKET), requests::upgrade);
		}
		TransportRequest request = requests.open(transport);
		if (logger.isDebugEnabled()) {
			logger.debug("Connecting to " + Redaction.url(request.uri().toString()) + " (attempt " + attempt + ", "
					+ revision.socket() + ")");
		}
		session.open(this.transports.connector(transport), request);
	}

	/**
	 * What the handshake carries for a default namespace that the server connects by itself.
	 */
	private Map<String, String> defaultNamespaceQuery(SocketProtocol protocol, Namespace defaultNamespace) {
		if (!protocol.connectsDefaultNamespaceItself()) {
			return Map.of();
		}
		return protocol.handshakeQuery(this.encoder, defaultNamespace.connectAuth());
	}

}
