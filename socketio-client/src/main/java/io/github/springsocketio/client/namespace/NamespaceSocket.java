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
package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.springsocketio.client.AnyEventHandler;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.EventHandler;
import io.github.springsocketio.client.InboundEvent;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.SocketIoSocket;
import io.github.springsocketio.client.Subscription;
import io.github.springsocketio.client.concurrent.BlockingCalls;
import io.github.springsocketio.client.concurrent.ConnectWait;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * A {@link Namespace} as applications see it: emits go to its {@link NamespaceEmitter}, handlers
 * to its {@link NamespaceHandlers}, connects and leaves to the connection. {@link #timeout} gives a
 * copy whose acknowledgements wait another time.
 */
final class NamespaceSocket implements SocketIoSocket {

	private final NamespaceHost host;

	private final Namespace namespace;

	private final NamespaceEmitter emitter;

	private final Duration ackTimeout;

	NamespaceSocket(NamespaceHost host, Namespace namespace, NamespaceEmitter emitter, Duration ackTimeout) {
		this.host = host;
		this.namespace = namespace;
		this.emitter = emitter;
		this.ackTimeout = ackTimeout;
	}

	@Override
	public String namespace() {
		return this.namespace.name();
	}

	@Override
	public @Nullable String id() {
		return this.namespace.id();
	}

	@Override
	public boolean isConnected() {
		return this.namespace.isConnected();
	}

	@Override
	public boolean recovered() {
		return this.namespace.recovered();
	}

	@Override
	public int bufferedEmits() {
		return this.namespace.bufferedEmits();
	}

	@Override
	public void connect() {
		BlockingCalls.check(this.host.serial(), "connect()", "connectAsync()");
		ConnectWait.await(connectAsync(), "connecting namespace '" + namespace() + "'");
	}

	@Override
	public CompletableFuture<Void> connectAsync() {
		return this.host.join(this.namespace);
	}

	@Override
	public void disconnect() {
		this.host.runAndWait(() -> {
			this.namespace.leave(DisconnectReason.IO_CLIENT_DISCONNECT, true);
			this.host.namespaceLeft(this.namespace);
		});
	}

	@Override
	public void emit(String event, Object... args) {
		this.emitter.emit(event, args, false);
	}

	@Override
	public void emitVolatile(String event, Object... args) {
		this.emitter.emit(event, args, true);
	}

	@Override
	public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
		return this.emitter.emitWithAck(event, this.ackTimeout, false, args);
	}

	@Override
	public <T> @Nullable T call(String event, Class<T> type, Object... args) {
		BlockingCalls.check(this.host.serial(), "call(..)", "emitWithAck(..)");
		return NamespaceEmitter.awaitFirst(this.emitter.emitWithAck(event, this.ackTimeout, true, args),
				(arguments) -> arguments.get(0, type));
	}

	@Override
	public <T> @Nullable T call(String event, TypeReference<T> type, Object... args) {
		BlockingCalls.check(this.host.serial(), "call(..)", "emitWithAck(..)");
		return NamespaceEmitter.awaitFirst(this.emitter.emitWithAck(event, this.ackTimeout, true, args),
				(arguments) -> arguments.get(0, type));
	}

	@Override
	public Optional<InboundEvent> receive(Duration timeout) {
		BlockingCalls.check(this.host.serial(), "receive(..)", "on(..) or onAny(..)");
		return this.namespace.nextUnhandled(timeout);
	}

	@Override
	public SocketIoSocket timeout(Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The ack timeout must be positive, not " + timeout);
		}
		return new NamespaceSocket(this.host, this.namespace, this.emitter, timeout);
	}

	@Override
	public void send(Object... args) {
		emit("message", args);
	}

	@Override
	public Subscription on(String event, EventHandler handler) {
		return this.namespace.handlers().on(event, handler);
	}

	@Override
	public <T> Subscription on(String event, Class<T> type, Consumer<@Nullable T> handler) {
		Objects.requireNonNull(type, "'type' must not be null");
		Objects.requireNonNull(handler, "'handler' must not be null");
		return on(event, (args, ack) -> handler.accept(args.isEmpty() ? null : args.get(0, type)));
	}

	@Override
	public Subscription onAny(AnyEventHandler handler) {
		return this.namespace.handlers().onAny(handler);
	}

	@Override
	public Subscription onAnyOutgoing(AnyEventHandler handler) {
		return this.namespace.handlers().onAnyOutgoing(handler);
	}

	@Override
	public Subscription onConnect(Runnable handler) {
		return this.namespace.handlers().onConnect(handler);
	}

	@Override
	public Subscription onDisconnect(Consumer<DisconnectReason> handler) {
		return this.namespace.handlers().onDisconnect(handler);
	}

	@Override
	public Subscription onConnectError(Consumer<SocketIoConnectException> handler) {
		return this.namespace.handlers().onConnectError(handler);
	}

}
