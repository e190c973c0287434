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

import io.github.springsocketio.client.protocol.Handshake;
import org.jspecify.annotations.Nullable;

/**
 * Receives the events of an {@link EngineSession}, on the session's serial executor.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface EngineListener {

	/**
	 * The session is open.
	 * @param handshake the server's handshake
	 */
	void onOpen(Handshake handshake);

	/**
	 * A text message arrived.
	 * @param text the message
	 */
	void onMessage(String text);

	/**
	 * A binary message arrived.
	 * @param bytes the message
	 */
	void onMessage(byte[] bytes);

	/**
	 * The session closed, or could not be opened. Called once.
	 * @param reason why
	 * @param description what happened
	 * @param cause the failure, or {@code null}
	 */
	void onClose(CloseReason reason, String description, @Nullable Throwable cause);

}
