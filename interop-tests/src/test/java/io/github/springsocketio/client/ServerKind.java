package io.github.springsocketio.client;

import io.github.springsocketio.test.SocketIoServerExtension;

/**
 * The reference servers of the interop matrix.
 */
enum ServerKind {

	/** Node {@code socket.io} 4.8.4. */
	NODE,

	/** python-socketio 5.7 on aiohttp. */
	PYTHON,

	/** The in-JVM {@code SocketIoTestServer}, scripted as the Node server. */
	JVM;

	SocketIoServerExtension extension() {
		return switch (this) {
			case NODE -> SocketIoServerExtension.nodeReference();
			case PYTHON -> SocketIoServerExtension.pythonReference();
			case JVM -> throw new IllegalStateException("The in-JVM server is a JvmReferenceServer, not a process");
		};
	}

}
