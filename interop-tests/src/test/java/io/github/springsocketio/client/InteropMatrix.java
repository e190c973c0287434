package io.github.springsocketio.client;

import java.util.ArrayList;
import java.util.List;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interop matrix: the tests of a subclass run against every reference server with every
 * transport setting. A subclass registers the two servers it needs as static extensions.
 */
@ParameterizedClass(name = "{0} over {1}")
@MethodSource("targets")
abstract class InteropMatrix {

	static final long TIMEOUT = 10;

	/**
	 * python-engineio ends a pending poll only once when a WebSocket probe arrives; a poll the
	 * client started just before the probe's answer is then held until the next ping. A short
	 * ping interval keeps that wait short in the upgrade tests.
	 */
	static final String PYTHON_PING_INTERVAL = "2000";

	@Parameter(0)
	ServerKind server;

	@Parameter(1)
	TransportMode mode;

	@RegisterExtension
	final TestClients clients = new TestClients();

	/** Names this run's server and transport in a failure. */
	@RegisterExtension
	final TestExecutionExceptionHandler namesTheRunInFailures = RunNames
		.inFailures(() -> this.server + " over " + this.mode);

	static List<Arguments> targets() {
		List<Arguments> targets = new ArrayList<>();
		for (ServerKind server : ServerKind.values()) {
			for (TransportMode mode : TransportMode.values()) {
				targets.add(Arguments.of(server, mode));
			}
		}
		return targets;
	}

	/**
	 * The Node server of the subclass.
	 * @return the server
	 */
	abstract SocketIoServerExtension node();

	/**
	 * The python-socketio server of the subclass.
	 * @return the server
	 */
	abstract SocketIoServerExtension python();

	/**
	 * The in-JVM server of the subclass.
	 * @return the server
	 */
	abstract JvmReferenceServer jvm();

	/**
	 * The URL of this run's server.
	 * @return the URL
	 */
	String url() {
		return switch (this.server) {
			case NODE -> node().url();
			case PYTHON -> python().url();
			case JVM -> jvm().url();
		};
	}

}
