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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.Reconnection;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.WebSocketImplementation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * This project's client.
 */
final class OurClient implements BenchClient {

	private final SocketIoClient client;

	private OurClient(SocketIoClient client) {
		this.client = client;
	}

	/**
	 * Connections of this project's client.
	 * @param implementation the WebSocket stack, or {@code null} for the default
	 * @return the library
	 */
	static Library library(@Nullable WebSocketImplementation implementation) {
		return (url, polling) -> {
			SocketIoClient.Builder builder = SocketIoClient.builder(url);
			if (implementation != null) {
				builder.webSocketImplementation(implementation);
			}
			SocketIoClient client = builder.transports(polling ? Transport.POLLING : Transport.WEBSOCKET)
				.reconnection(Reconnection.disabled())
				.connectTimeout(Duration.ofSeconds(60))
				.ackTimeout(Duration.ofSeconds(120))
				.sendBufferMaxPackets(Integer.MAX_VALUE)
				.build();
			return client.connectAsync().thenApply((connected) -> new OurClient(client));
		};
	}

	@Override
	public void emit(String event, Object... args) {
		this.client.emit(event, args);
	}

	@Override
	public CompletableFuture<Long> call(String event, Object... args) {
		return this.client.emitWithAck(event, args).thenApply(OurClient::number);
	}

	/** Reads the answer off the JSON tree, as the hand-framed peers do: no conversion. */
	private static Long number(Arguments args) {
		JsonNode first = args.json(0);
		return first.isObject() ? first.get("count").asLong() : first.asLong();
	}

	@Override
	public long callAndWait(String event, Object... args) {
		return this.client.call(event, Long.class, args);
	}

	@Override
	public void on(String event, Runnable handler) {
		this.client.on(event, (args, ack) -> handler.run());
	}

	@Override
	public void onTick(String event, LongConsumer sentAtMicros) {
		this.client.on(event, (args, ack) -> sentAtMicros.accept(args.get(0, Tick.class).sentAtMicros()));
	}

	/** The argument of a tick. */
	record Tick(long seq, long sentAtMicros) {
	}

	@Override
	public void close() {
		this.client.close();
	}

}
