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
package io.github.springsocketio.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * HAProxy in front of the nodes of a cluster, with sticky sessions the way socket.io's deployment
 * guide sets them up: the first response of a client's session sets the cookie {@code lb} naming
 * its node, and every request with that cookie goes to that node while it is up. Health checks
 * every 200 ms mark a dead node down at the first failure, and a request for a node that is down is
 * sent to another ({@code option redispatch}).
 */
final class LoadBalancer {

	/** The cookie that names the node of a client. */
	static final String COOKIE = "lb";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	private static final String INSTALL_HINT = "install Debian's haproxy (apt-get install haproxy)";

	private final int port;

	private @Nullable ChildProcess process;

	private @Nullable Path directory;

	LoadBalancer(int port) {
		this.port = port;
	}

	int port() {
		return this.port;
	}

	/**
	 * Starts HAProxy in front of the nodes and waits until it accepts connections.
	 * @param nodes the port of each node by its name
	 */
	synchronized void start(Map<String, Integer> nodes) {
		try {
			this.directory = Files.createTempDirectory("socketio-test-haproxy");
			Path configuration = Files.writeString(this.directory.resolve("haproxy.cfg"), configuration(nodes));
			List<String> command = List.of(ChildProcess.executable("haproxy"), "-db", "-f", configuration.toString());
			this.process = ChildProcess.start("haproxy", command, this.directory, Map.of(), null, START_TIMEOUT,
					INSTALL_HINT).process();
			awaitListening(this.process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write HAProxy's configuration", ex);
		}
	}

	/**
	 * The configuration, as README shows it for an application's own deployment.
	 */
	String configuration(Map<String, Integer> nodes) {
		StringBuilder servers = new StringBuilder();
		nodes.forEach((name, port) -> servers.append("    server ").append(name).append(" 127.0.0.1:").append(port)
			.append(" cookie ").append(name).append('\n'));
		return """
				defaults
				    mode http
				    # as many connections as the file descriptor limit allows (HAProxy's default is lower)
				    maxconn 4000
				    timeout connect 1s
				    # longer than the server's ping interval, or a held long-polling request is cut
				    timeout client 70s
				    timeout server 70s
				    # an open WebSocket
				    timeout tunnel 1h
				    # a request for a node that is down goes to another at once, not after a retry's pause
				    option redispatch 1
				    retries 2
				frontend socketio
				    bind 127.0.0.1:%d
				    default_backend nodes
				backend nodes
				    balance roundrobin
				    cookie %s insert indirect nocache
				    default-server check inter 200ms fall 1 rise 1
				%s""".formatted(this.port, COOKIE, servers);
	}

	private void awaitListening(ChildProcess haproxy) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!haproxy.isAlive()) {
				throw new IllegalStateException("HAProxy ended at start (" + INSTALL_HINT + "): " + haproxy.output());
			}
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				return;
			}
			catch (IOException notYet) {
				LockSupport.parkNanos(POLL_INTERVAL.toNanos());
			}
		}
		haproxy.stop();
		throw new IllegalStateException("HAProxy did not listen on " + this.port + " within " + START_TIMEOUT + ": "
				+ haproxy.output());
	}

	synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
			this.process = null;
		}
		if (this.directory != null) {
			try {
				Files.deleteIfExists(this.directory.resolve("haproxy.cfg"));
				Files.deleteIfExists(this.directory);
			}
			catch (IOException ex) {
				// a leftover file in the temporary folder
			}
			this.directory = null;
		}
	}

}
