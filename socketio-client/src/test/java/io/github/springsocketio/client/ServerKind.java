package io.github.springsocketio.client;

import io.github.springsocketio.test.SocketIoServerExtension;

/**
 * The reference servers of the interop matrix.
 */
enum ServerKind {

	/** Node {@code socket.io} 4.8.4. */
	NODE,

	/** python-socketio 5.7 on aiohttp. */
	PYTHON;

	SocketIoServerExtension extension() {
		return (this == NODE) ? SocketIoServerExtension.nodeReference() : SocketIoServerExtension.pythonReference();
	}

}
