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
package io.github.springsocketio.health;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springsocketio.client.ProtocolVersion;
import io.github.springsocketio.client.Redaction;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.SocketIoSocket;
import io.github.springsocketio.client.Transport;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of one Socket.IO client: {@code UP} when it is connected with all its namespaces,
 * {@code DOWN} otherwise (a namespace the server refuses keeps it {@code DOWN}, with the server's
 * reason). Details: {@code url} (without credentials), {@code transport}, {@code state},
 * {@code namespaces}, {@code reconnectAttempts}, {@code lastError}; never a token or header value.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class SocketIoHealthIndicator extends AbstractHealthIndicator {

	private final SocketIoClient client;

	private final String url;

	private final Map<String, String> namespaces = new ConcurrentHashMap<>();

	private final AtomicInteger reconnectAttempts = new AtomicInteger();

	private volatile @Nullable LastError lastError;

	/**
	 * Creates the indicator; create it before the client connects, as it follows the client's events.
	 * @param client the client
	 * @param url the client's URL
	 * @param namespaces the namespaces the client is meant to join
	 */
	public SocketIoHealthIndicator(SocketIoClient client, String url, Collection<String> namespaces) {
		super("Socket.IO health check failed");
		this.client = client;
		this.url = Redaction.url(url);
		for (String namespace : namespaces) {
			follow(client.socket(namespace));
		}
		client.onReconnectAttempt(this.reconnectAttempts::set);
		client.onReconnect((attempts) -> this.reconnectAttempts.set(0));
	}

	private void follow(SocketIoSocket socket) {
		String namespace = socket.namespace();
		this.namespaces.put(namespace, "disconnected");
		socket.onConnect(() -> this.namespaces.put(namespace, "connected"));
		socket.onDisconnect((reason) -> {
			this.namespaces.put(namespace, "disconnected");
			this.lastError = new LastError(reason.wireName(), Instant.now());
		});
		socket.onConnectError((failure) -> connectFailed(namespace, failure));
	}

	private void connectFailed(String namespace, SocketIoConnectException failure) {
		String serverMessage = failure.serverMessage();
		if (serverMessage != null) {
			this.namespaces.put(namespace, "refused: " + serverMessage);
		}
		this.lastError = new LastError(Redaction.text(failure.getMessage()), Instant.now());
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, String> namespaces = new LinkedHashMap<>(this.namespaces);
		boolean up = this.client.isConnected() && namespaces.values().stream().allMatch("connected"::equals);
		Transport transport = this.client.transport();
		ProtocolVersion protocol = this.client.protocol();
		builder.status(up ? org.springframework.boot.health.contributor.Status.UP
				: org.springframework.boot.health.contributor.Status.DOWN)
			.withDetail("url", this.url)
			.withDetail("transport", (transport != null) ? transport.wireName() : "none")
			.withDetail("protocol", (protocol != null) ? protocol.name().toLowerCase(Locale.ROOT) : "none")
			.withDetail("state", this.client.state().name())
			.withDetail("namespaces", namespaces)
			.withDetail("reconnectAttempts", this.reconnectAttempts.get());
		LastError error = this.lastError;
		if (error != null) {
			builder.withDetail("lastError", error.message()).withDetail("lastErrorAt", error.at().toString());
		}
	}

	/**
	 * The client's last error and when it happened; it stays once the client is up again.
	 */
	private record LastError(String message, Instant at) {

	}

}
