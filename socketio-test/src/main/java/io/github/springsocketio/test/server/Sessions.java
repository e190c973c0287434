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
package io.github.springsocketio.test.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import org.jspecify.annotations.Nullable;

/**
 * The open sessions of one server, by id, and how a new one opens.
 */
final class Sessions {

	private final EngineServerOptions options;

	private final EngineHandler handler;

	private final ScheduledExecutorService scheduler;

	private final Map<String, EngineSession> open = new ConcurrentHashMap<>();

	Sessions(EngineServerOptions options, EngineHandler handler, ScheduledExecutorService scheduler) {
		this.options = options;
		this.handler = handler;
		this.scheduler = scheduler;
	}

	EngineServerOptions options() {
		return this.options;
	}

	@Nullable EngineSession get(String id) {
		return this.open.get(id);
	}

	/**
	 * Opens a session on long-polling or on a WebSocket: its handshake is the first packet out.
	 */
	EngineSession open(HandshakeInfo handshake, @Nullable PollingChannel polling, @Nullable WebSocketChannel webSocket)
			throws IOException {
		String id = RandomIds.next();
		EngineSession session = new EngineSession(id, handshake, this.options, this.scheduler,
				() -> this.open.remove(id));
		this.open.put(id, session);
		session.start(this.handler.opened(session), polling, webSocket);
		return session;
	}

	/** Ends every session, as the transport would when the server goes away. */
	void dropAll() {
		for (EngineSession session : new ArrayList<>(this.open.values())) {
			session.transportClosed(null, "transport close");
		}
	}

}
