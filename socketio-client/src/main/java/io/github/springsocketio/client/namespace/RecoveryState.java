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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Connection-state recovery of one namespace (socket.io 4.6+ {@code connectionStateRecovery}):
 * the private session id the server gave and the offset of the last event received, offered
 * again when the namespace reconnects. Touched on the connection's serial executor only, except
 * {@link #recovered()}.
 */
final class RecoveryState {

	private @Nullable String pid;

	private @Nullable String lastOffset;

	private volatile boolean recovered;

	/**
	 * The auth of a CONNECT, with the previous session offered; the application's keys win.
	 * @param auth the application's auth
	 * @return the auth to send
	 */
	Map<String, ?> offer(Map<String, ?> auth) {
		if (this.pid == null) {
			return auth;
		}
		Map<String, Object> withSession = new LinkedHashMap<>();
		withSession.put("pid", this.pid);
		if (this.lastOffset != null) {
			withSession.put("offset", this.lastOffset);
		}
		withSession.putAll(auth);
		return withSession;
	}

	/**
	 * The server's CONNECT reply: it restored the session when it gave the same private id.
	 * @param reply the reply's payload, {@code null} when it has none
	 */
	void connected(@Nullable JsonNode reply) {
		JsonNode pidNode = (reply != null) ? reply.get("pid") : null;
		String newPid = (pidNode != null && pidNode.isString()) ? pidNode.stringValue() : null;
		this.recovered = newPid != null && newPid.equals(this.pid);
		if (!this.recovered) {
			this.lastOffset = null;
		}
		this.pid = newPid;
	}

	/**
	 * Takes the offset that the server appends to each event under recovery off its arguments.
	 * @param arguments the event's arguments, without its name
	 * @param withAckId whether the event asks for an acknowledgement (those carry no offset)
	 */
	void received(List<JsonNode> arguments, boolean withAckId) {
		if (this.pid != null && !withAckId && !arguments.isEmpty() && arguments.get(arguments.size() - 1).isString()) {
			this.lastOffset = arguments.remove(arguments.size() - 1).stringValue();
		}
	}

	/**
	 * Whether the last connect restored the previous session.
	 * @return whether it did; any thread
	 */
	boolean recovered() {
		return this.recovered;
	}

}
