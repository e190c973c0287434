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
package io.github.springsocketio.client.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springsocketio.client.transport.TransportConnection;
import io.github.springsocketio.client.transport.TransportConnector;
import io.github.springsocketio.client.transport.TransportListener;
import io.github.springsocketio.client.transport.TransportRequest;

/**
 * The transports a session opened, the first and an upgrade's: those still opening give up when
 * the session closes, and the session is terminated once each is closed at the network level.
 */
final class TransportAttempts {

	private final List<CompletableFuture<TransportConnection>> attempts = new CopyOnWriteArrayList<>();

	/**
	 * Opens a transport; a connector that throws instead of failing its future fails it too.
	 * @param connector opens the transport
	 * @param request what to connect to
	 * @param listener receives what it reads
	 * @return the connection, once open
	 */
	CompletableFuture<TransportConnection> open(TransportConnector connector, TransportRequest request,
			TransportListener listener) {
		CompletableFuture<TransportConnection> attempt;
		try {
			attempt = connector.open(request, listener);
		}
		catch (RuntimeException ex) {
			attempt = CompletableFuture.failedFuture(ex);
		}
		this.attempts.add(attempt);
		return attempt;
	}

	/**
	 * Gives up the transports still opening, e.g. a handshake that a silent server holds.
	 */
	void cancelOpening() {
		for (CompletableFuture<TransportConnection> attempt : this.attempts) {
			attempt.cancel(false);
		}
	}

	/**
	 * Completes when every transport opened is closed at the network level.
	 * @return the future, complete at once when none was opened
	 */
	CompletableFuture<Void> terminated() {
		List<CompletableFuture<Void>> connections = new ArrayList<>();
		for (CompletableFuture<TransportConnection> attempt : this.attempts) {
			connections.add(attempt.handle((opened, failure) -> opened)
				.thenCompose((opened) -> (opened != null) ? opened.terminated() : CompletableFuture.completedFuture(null)));
		}
		return CompletableFuture.allOf(connections.toArray(CompletableFuture[]::new));
	}

}
