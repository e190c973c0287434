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

import java.util.Map;

import io.github.springsocketio.test.server.HandshakeInfo;
import org.jspecify.annotations.Nullable;

/**
 * A connect request while the namespace's hooks decide on it.
 */
final class PendingConnect implements ConnectRequest {

	private final String namespace;

	private final Map<String, Object> auth;

	private final HandshakeInfo handshake;

	private @Nullable Refusal refusal;

	PendingConnect(String namespace, Map<String, Object> auth, HandshakeInfo handshake) {
		this.namespace = namespace;
		this.auth = auth;
		this.handshake = handshake;
	}

	@Override
	public String namespace() {
		return this.namespace;
	}

	@Override
	public Map<String, Object> auth() {
		return this.auth;
	}

	@Override
	public @Nullable String header(String name) {
		return this.handshake.header(name);
	}

	@Override
	public @Nullable String queryParameter(String name) {
		return this.handshake.query().get(name);
	}

	@Override
	public void refuse(String message, @Nullable Object data) {
		if (this.refusal == null) {
			this.refusal = new Refusal(message, data);
		}
	}

	/**
	 * Why the request was refused.
	 * @return the refusal, or {@code null} while it is not
	 */
	@Nullable Refusal refusal() {
		return this.refusal;
	}

	/** The message and data of a {@code CONNECT_ERROR}. */
	record Refusal(String message, @Nullable Object data) {
	}

}
