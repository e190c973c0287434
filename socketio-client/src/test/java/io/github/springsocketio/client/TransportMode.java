package io.github.springsocketio.client;

/**
 * The transport settings of the interop matrix.
 */
enum TransportMode {

	/** WebSocket only: no polling first. */
	WEBSOCKET(Transport.WEBSOCKET),

	/** HTTP long-polling only. */
	POLLING(Transport.POLLING),

	/** HTTP long-polling first, then the upgrade to WebSocket. */
	UPGRADE(Transport.POLLING, Transport.WEBSOCKET);

	private final Transport[] transports;

	TransportMode(Transport... transports) {
		this.transports = transports;
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
