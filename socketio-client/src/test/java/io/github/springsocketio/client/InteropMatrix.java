package io.github.springsocketio.client;

import java.util.ArrayList;
import java.util.List;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The interop matrix: every reference server with every transport setting.
 */
final class InteropMatrix {

	/**
	 * python-engineio ends a pending poll only once when a WebSocket probe arrives; a poll the
	 * client started just before the probe's answer is then held until the next ping. A short
	 * ping interval keeps that wait short in the upgrade tests.
	 */
	static final String PYTHON_PING_INTERVAL = "2000";

	private InteropMatrix() {
	}

	static List<Arguments> targets() {
		List<Arguments> targets = new ArrayList<>();
		for (ServerKind server : ServerKind.values()) {
			for (TransportMode mode : TransportMode.values()) {
				targets.add(Arguments.of(server, mode));
			}
		}
		return targets;
	}

	static String url(ServerKind server, SocketIoServerExtension node, SocketIoServerExtension python) {
		return (server == ServerKind.NODE) ? node.url() : python.url();
	}

}
