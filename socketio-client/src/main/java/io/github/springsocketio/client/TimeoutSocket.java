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
package io.github.springsocketio.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A view of a namespace whose acknowledgements use another timeout.
 */
final class TimeoutSocket implements SocketIoSocket {

	private final NamespaceSocket socket;

	private final Duration ackTimeout;

	TimeoutSocket(NamespaceSocket socket, Duration ackTimeout) {
		this.socket = socket;
		this.ackTimeout = ackTimeout;
	}

	@Override
	public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
		return this.socket.emitWithAck(event, this.ackTimeout, false, args);
	}

	@Override
	public <T> @Nullable T call(String event, Class<T> type, Object... args) {
		return this.socket.call(this.socket.emitWithAck(event, this.ackTimeout, true, args), type);
	}

	@Override
	public SocketIoSocket timeout(Duration timeout) {
		return this.socket.timeout(timeout);
	}

	@Override
	public String namespace() {
		return this.socket.namespace();
	}

	@Override
	public @Nullable String id() {
		return this.socket.id();
	}

	@Override
	public boolean isConnected() {
		return this.socket.isConnected();
	}

	@Override
	public boolean recovered() {
		return this.socket.recovered();
	}

	@Override
	public int bufferedEmits() {
		return this.socket.bufferedEmits();
	}

	@Override
	public void connect() {
		this.socket.connect();
	}

	@Override
	public CompletableFuture<Void> connectAsync() {
		return this.socket.connectAsync();
	}

	@Override
	public void disconnect() {
		this.socket.disconnect();
	}

	@Override
	public void emit(String event, Object... args) {
		this.socket.emit(event, args);
	}

	@Override
	public void emitVolatile(String event, Object... args) {
		this.socket.emitVolatile(event, args);
	}

	@Override
	public void send(Object... args) {
		this.socket.send(args);
	}

	@Override
	public Subscription on(String event, EventHandler handler) {
		return this.socket.on(event, handler);
	}

	@Override
	public <T> Subscription on(String event, Class<T> type, Consumer<@Nullable T> handler) {
		return this.socket.on(event, type, handler);
	}

	@Override
	public Subscription onAny(AnyEventHandler handler) {
		return this.socket.onAny(handler);
	}

	@Override
	public Subscription onAnyOutgoing(AnyEventHandler handler) {
		return this.socket.onAnyOutgoing(handler);
	}

	@Override
	public Subscription onConnect(Runnable handler) {
		return this.socket.onConnect(handler);
	}

	@Override
	public Subscription onDisconnect(Consumer<DisconnectReason> handler) {
		return this.socket.onDisconnect(handler);
	}

	@Override
	public Subscription onConnectError(Consumer<SocketIoConnectException> handler) {
		return this.socket.onConnectError(handler);
	}

}
