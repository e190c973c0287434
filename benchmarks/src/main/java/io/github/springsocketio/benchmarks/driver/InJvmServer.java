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
package io.github.springsocketio.benchmarks.driver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.springsocketio.test.SocketIoTestServer;

/**
 * The in-JVM test server with the handlers the scenarios call ({@code count}, {@code stats},
 * {@code add}, {@code size}, {@code emit-many}), run in the driver's process with {@code --server jvm}: what a
 * user's tests against it measure, next to the Node server.
 */
final class InJvmServer {

	private InJvmServer() {
	}

	static SocketIoTestServer start() {
		SocketIoTestServer server = SocketIoTestServer.builder().maxPayload(2_000_000).start();
		Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
		server.on("count", (client, args, ack) -> counts.computeIfAbsent(client.id(), (id) -> new AtomicLong()).incrementAndGet());
		server.on("stats", (client, args, ack) -> ack
			.send(Map.of("count", counts.computeIfAbsent(client.id(), (id) -> new AtomicLong()).get())));
		server.on("add", (args, ack) -> ack.send(args.get(0, Long.class) + args.get(1, Long.class)));
		server.on("size", (args, ack) -> ack.send(args.get(0, String.class).length()));
		server.on("emit-many", (client, args, ack) -> {
			int count = args.get(0, Integer.class);
			for (int i = 0; i < count; i++) {
				client.emit("many", i);
			}
			ack.send(count);
		});
		return server;
	}

}
