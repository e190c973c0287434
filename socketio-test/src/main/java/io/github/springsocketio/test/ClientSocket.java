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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.protocol.SocketPacket;
import org.jspecify.annotations.Nullable;

/**
 * The server's side of one client's socket on one namespace, with the acknowledgements the
 * server waits for from it.
 */
final class ClientSocket implements ConnectedClient {

	private final String id;

	/** The request it was admitted with: its namespace, auth and handshake. */
	private final PendingConnect request;

	private final SocketSender sender;

	private final Duration ackTimeout;

	private final Runnable onServerDisconnect;

	private final AtomicLong nextAckId = new AtomicLong();

	private final Map<Long, CompletableFuture<Arguments>> pendingAcks = new ConcurrentHashMap<>();

	private volatile boolean connected = true;

	ClientSocket(String id, PendingConnect request, SocketSender sender, Duration ackTimeout,
			Runnable onServerDisconnect) {
		this.id = id;
		this.request = request;
		this.sender = sender;
		this.ackTimeout = ackTimeout;
		this.onServerDisconnect = onServerDisconnect;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String connectionId() {
		return this.sender.session().id();
	}

	@Override
	public String namespace() {
		return this.request.namespace();
	}

	@Override
	public Map<String, Object> auth() {
		return this.request.auth();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.header(name);
	}

	@Override
	public @Nullable String queryParameter(String name) {
		return this.request.queryParameter(name);
	}

	@Override
	public String transport() {
		return this.sender.session().transport();
	}

	@Override
	public boolean isConnected() {
		return this.connected;
	}

	@Override
	public void emit(String event, Object... args) {
		if (this.connected) {
			this.sender.event(namespace(), SocketPacket.NO_ACK, event, args);
		}
	}

	@Override
	public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
		long ackId = this.nextAckId.getAndIncrement();
		CompletableFuture<Arguments> ack = new CompletableFuture<>();
		this.pendingAcks.put(ackId, ack);
		ack.whenComplete((result, failure) -> this.pendingAcks.remove(ackId));
		ack.orTimeout(this.ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!this.connected || !this.sender.event(namespace(), ackId, event, args)) {
			ack.completeExceptionally(notConnected(event));
		}
		return ack;
	}

	@Override
	public void disconnect() {
		if (this.connected) {
			this.sender.disconnect(namespace());
			this.onServerDisconnect.run();
		}
	}

	void ackReceived(long ackId, Arguments args) {
		CompletableFuture<Arguments> ack = this.pendingAcks.get(ackId);
		if (ack != null) {
			ack.complete(args);
		}
	}

	/**
	 * The client left the namespace: the acknowledgements it owes fail.
	 */
	void disconnected(String reason) {
		this.connected = false;
		for (CompletableFuture<Arguments> ack : this.pendingAcks.values()) {
			ack.completeExceptionally(new IllegalStateException(
					"Client " + this.id + " left namespace " + namespace() + " (" + reason + ") before acknowledging"));
		}
	}

	private IllegalStateException notConnected(String event) {
		return new IllegalStateException(
				"Cannot emit '" + event + "': client " + this.id + " is not connected to namespace " + namespace());
	}

	@Override
	public String toString() {
		return "ConnectedClient " + this.id + " on " + namespace();
	}

}
