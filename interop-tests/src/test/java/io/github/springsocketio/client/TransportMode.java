package io.github.springsocketio.client;

/**
 * The transport settings of the interop matrix.
 */
enum TransportMode {

	/** WebSocket only: no polling first. */
	WEBSOCKET(WebSocketImplementation.SPRING, Transport.WEBSOCKET),

	/** WebSocket only, on the JDK's WebSocket. */
	WEBSOCKET_JDK(WebSocketImplementation.JDK, Transport.WEBSOCKET),

	/** HTTP long-polling only. */
	POLLING(WebSocketImplementation.SPRING, Transport.POLLING),

	/** HTTP long-polling first, then the upgrade to WebSocket. */
	UPGRADE(WebSocketImplementation.SPRING, Transport.POLLING, Transport.WEBSOCKET),

	/** HTTP long-polling first, then the upgrade to the JDK's WebSocket. */
	UPGRADE_JDK(WebSocketImplementation.JDK, Transport.POLLING, Transport.WEBSOCKET),

	/** WebSocket only, on Netty. */
	WEBSOCKET_NETTY(WebSocketImplementation.NETTY, Transport.WEBSOCKET),

	/** HTTP long-polling first, then the upgrade to Netty's WebSocket. */
	UPGRADE_NETTY(WebSocketImplementation.NETTY, Transport.POLLING, Transport.WEBSOCKET);

	private final WebSocketImplementation implementation;

	private final Transport[] transports;

	TransportMode(WebSocketImplementation implementation, Transport... transports) {
		this.implementation = implementation;
		this.transports = transports;
	}

	WebSocketImplementation implementation() {
		return this.implementation;
	}

	Transport[] transports() {
		return this.transports;
	}

	/**
	 * The transport a connection ends up on.
	 * @return the transport
	 */
	Transport settledTransport() {
		return this.transports[this.transports.length - 1];
	}

}
