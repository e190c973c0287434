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

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONObject;

/**
 * The Java peer, {@code io.socket:socket.io-client} 2.1.x, with its defaults.
 */
final class IoSocketClient implements BenchClient {

	private final Socket socket;

	private IoSocketClient(Socket socket) {
		this.socket = socket;
	}

	static CompletableFuture<BenchClient> connect(String url, boolean polling) {
		IO.Options options = IO.Options.builder()
			.setTransports(new String[] { polling ? Polling.NAME : WebSocket.NAME })
			.setReconnection(false)
			.setForceNew(true)
			.setTimeout(60_000)
			.build();
		Socket socket = IO.socket(URI.create(url), options);
		CompletableFuture<BenchClient> connected = new CompletableFuture<>();
		socket.once(Socket.EVENT_CONNECT, (args) -> connected.complete(new IoSocketClient(socket)));
		socket.once(Socket.EVENT_CONNECT_ERROR,
				(args) -> connected.completeExceptionally(new IllegalStateException("connect error: " + args[0])));
		socket.connect();
		return connected;
	}

	@Override
	public void emit(String event, Object... args) {
		this.socket.emit(event, args);
	}

	@Override
	public CompletableFuture<Long> call(String event, Object... args) {
		CompletableFuture<Long> reply = new CompletableFuture<>();
		this.socket.emit(event, args, (answer) -> {
			Object first = answer[0];
			if (first instanceof JSONObject stats) {
				first = stats.optLong("count");
			}
			reply.complete(((Number) first).longValue());
		});
		return reply;
	}

	@Override
	public void on(String event, Runnable handler) {
		this.socket.on(event, (args) -> handler.run());
	}

	@Override
	public void close() {
		this.socket.disconnect();
		this.socket.close();
	}

}
