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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A {@code redis-server} on a loopback port, without persistence, that can be stopped and started
 * again on the same port.
 */
final class RedisServer {

	private static final Pattern READY = Pattern.compile("Ready to accept connections");

	private static final String INSTALL_HINT = "install Debian's redis-server (apt-get install redis-server)";

	private final int port;

	private @Nullable ChildProcess process;

	RedisServer(int port) {
		this.port = port;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Starts the server unless it runs.
	 */
	synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		List<String> command = List.of(ChildProcess.executable("redis-server"), "--port", String.valueOf(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no");
		this.process = ChildProcess
			.start("redis-server", command, Path.of(System.getProperty("java.io.tmpdir")), Map.of(), READY,
					Duration.ofSeconds(30), INSTALL_HINT)
			.process();
	}

	synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
			this.process = null;
		}
	}

}
