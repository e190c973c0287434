package io.github.springsocketio.client;

import io.github.springsocketio.test.SocketIoServerExtension;

/**
 * The server generations users run, each with the revision a client finds on it and what the
 * server cannot do.
 */
enum ServerGeneration {

	/** Node {@code socket.io} 2.5.1: Socket.IO protocol 4 over Engine.IO 3. */
	NODE_2("socket.io 2.5.1", ProtocolVersion.AUTO, ProtocolVersion.V4),

	/** Node {@code socket.io} 3.1.2. */
	NODE_3("socket.io 3.1.2", ProtocolVersion.AUTO, ProtocolVersion.V5),

	/** Node {@code socket.io} 4.8.4. */
	NODE_4("socket.io 4.8.4", ProtocolVersion.AUTO, ProtocolVersion.V5),

	/** Node {@code socket.io} 4.8.4 with {@code allowEIO3}, the client set to protocol 4. */
	NODE_4_EIO3("socket.io 4.8.4 allowEIO3, client v4", ProtocolVersion.V4, ProtocolVersion.V4),

	/** netty-socketio 1.7.19: protocol 4 over Engine.IO 3. */
	NETTY_1("netty-socketio 1.7.19", ProtocolVersion.AUTO, ProtocolVersion.V4),

	/** netty-socketio 2.0.13. */
	NETTY_2("netty-socketio 2.0.13", ProtocolVersion.AUTO, ProtocolVersion.V5),

	/** python-socketio 5.7 on aiohttp. */
	PYTHON("python-socketio 5.7", ProtocolVersion.AUTO, ProtocolVersion.V5);

	/** The ping interval of the servers, short so that a test sees several pings. */
	static final long PING_INTERVAL_MILLIS = 300;

	/**
	 * The ping timeout of the servers: long enough for a loaded machine (an upgrade from polling
	 * holds the heartbeat's packets), short enough for a test.
	 */
	static final long PING_TIMEOUT_MILLIS = 2500;

	private final String label;

	private final ProtocolVersion clientSetting;

	private final ProtocolVersion revision;

	ServerGeneration(String label, ProtocolVersion clientSetting, ProtocolVersion revision) {
		this.label = label;
		this.clientSetting = clientSetting;
		this.revision = revision;
	}

	/**
	 * The protocol the client is set to.
	 * @return {@link ProtocolVersion#AUTO} but where the test forces a revision
	 */
	ProtocolVersion clientSetting() {
		return this.clientSetting;
	}

	/**
	 * The revision the client speaks with this server.
	 * @return the revision
	 */
	ProtocolVersion revision() {
		return this.revision;
	}

	/**
	 * Whether the server can refuse one namespace's connect: netty-socketio 1.x cannot.
	 * @return whether it can
	 */
	boolean refusesANamespace() {
		return this != NETTY_1;
	}

	/**
	 * Whether long-polling payloads carry characters outside the Basic Multilingual Plane (emoji):
	 * netty-socketio 1.x counts a record's length in code points where Engine.IO 3 counts UTF-16
	 * code units, and loses the packet.
	 * @param mode the transport setting
	 * @return whether they arrive
	 */
	boolean carriesEmoji(TransportMode mode) {
		return this != NETTY_1 || mode.transports()[0] == Transport.WEBSOCKET;
	}

	/**
	 * Whether the server reads the binary attachments the client sends: netty-socketio 1.x over
	 * long-polling loses those that arrive in one POST with their event (and then what follows).
	 * @param mode the transport setting
	 * @return whether it reads them
	 */
	boolean readsClientBinary(TransportMode mode) {
		return this != NETTY_1 || mode.transports()[0] == Transport.WEBSOCKET;
	}

	/**
	 * Whether binary attachments travel intact: netty-socketio 2.0.13 mangles them with Engine.IO 4
	 * clients (a type byte before each on WebSocket, Engine.IO 3 framing on polling).
	 * @return whether they do
	 */
	boolean handlesBinary() {
		return this != NETTY_2;
	}

	/**
	 * A new extension that runs this server with a short heartbeat.
	 * @return the extension
	 */
	SocketIoServerExtension extension() {
		SocketIoServerExtension extension = switch (this) {
			case NODE_2 -> SocketIoServerExtension.nodeGeneration(2);
			case NODE_3 -> SocketIoServerExtension.nodeGeneration(3);
			case NODE_4 -> SocketIoServerExtension.nodeGeneration(4);
			case NODE_4_EIO3 -> SocketIoServerExtension.nodeGeneration(4).withEnv("ALLOW_EIO3", "1");
			case NETTY_1 -> SocketIoServerExtension.nettySocketIo1();
			case NETTY_2 -> SocketIoServerExtension.nettySocketIo2();
			case PYTHON -> SocketIoServerExtension.pythonReference();
		};
		return extension.withEnv("PING_INTERVAL", String.valueOf(PING_INTERVAL_MILLIS))
			.withEnv("PING_TIMEOUT", String.valueOf(PING_TIMEOUT_MILLIS));
	}

	@Override
	public String toString() {
		return this.label;
	}

}
