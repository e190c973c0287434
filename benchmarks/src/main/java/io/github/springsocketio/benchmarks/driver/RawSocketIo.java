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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor of a JVM WebSocket stack: Engine.IO 4 / Socket.IO 5 framed by hand on it, speaking
 * exactly what the Node {@code limit} peer speaks (open, {@code 40}, ping/pong, events and acks on
 * {@code /}, with Jackson for every packet) and nothing else: no reconnection, namespaces, binary,
 * polling or bookkeeping. Handlers and acks run on the stack's I/O thread. Subclasses move the
 * text frames.
 */
abstract class RawSocketIo implements BenchClient {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	final CompletableFuture<BenchClient> connected = new CompletableFuture<>();

	private final Map<Long, CompletableFuture<Long>> acks = new ConcurrentHashMap<>();

	private final Map<String, Runnable> handlers = new ConcurrentHashMap<>();

	private final AtomicLong nextAckId = new AtomicLong();

	/**
	 * The WebSocket URL of a Socket.IO server's default path.
	 */
	static String webSocketUrl(String url) {
		return url.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket";
	}

	/** Sends one text frame; callable from any thread. */
	abstract void send(String text);

	/** Closes the WebSocket. */
	abstract void closeWebSocket();

	/** One text frame from the server: one Engine.IO packet. */
	final void received(String frame) {
		switch (frame.charAt(0)) {
			case '0' -> send("40");
			case '2' -> send("3");
			case '4' -> message(frame);
			case '1' -> failed(new IllegalStateException("closed by the server"));
			default -> {
			}
		}
	}

	final void failed(Throwable failure) {
		this.connected.completeExceptionally(failure);
		this.acks.values().forEach((ack) -> ack.completeExceptionally(failure));
	}

	private void message(String frame) {
		char type = frame.charAt(1);
		int start = 2;
		long id = -1;
		while (start < frame.length() && Character.isDigit(frame.charAt(start))) {
			id = ((id < 0) ? 0 : id * 10) + (frame.charAt(start++) - '0');
		}
		switch (type) {
			case '0' -> this.connected.complete(this);
			case '2' -> {
				JsonNode event = MAPPER.readTree(frame.substring(start));
				Runnable handler = this.handlers.get(event.get(0).stringValue());
				if (handler != null) {
					handler.run();
				}
			}
			case '3' -> {
				JsonNode args = MAPPER.readTree(frame.substring(start));
				CompletableFuture<Long> ack = this.acks.remove(id);
				if (ack != null) {
					JsonNode first = args.get(0);
					ack.complete(first.isObject() ? first.get("count").longValue() : first.longValue());
				}
			}
			case '4' -> this.connected.completeExceptionally(new IllegalStateException("refused: " + frame));
			default -> {
			}
		}
	}

	@Override
	public void emit(String event, Object... args) {
		send("42" + payload(event, args));
	}

	@Override
	public CompletableFuture<Long> call(String event, Object... args) {
		long id = this.nextAckId.getAndIncrement();
		CompletableFuture<Long> ack = new CompletableFuture<>();
		this.acks.put(id, ack);
		send("42" + id + payload(event, args));
		return ack;
	}

	private static String payload(String event, Object[] args) {
		List<Object> values = new ArrayList<>(args.length + 1);
		values.add(event);
		values.addAll(Arrays.asList(args));
		return MAPPER.writeValueAsString(values);
	}

	@Override
	public void on(String event, Runnable handler) {
		this.handlers.put(event, handler);
	}

	@Override
	public void close() {
		send("41");
		closeWebSocket();
	}

}
