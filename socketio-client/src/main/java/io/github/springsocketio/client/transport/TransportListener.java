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
package io.github.springsocketio.client.transport;

import org.jspecify.annotations.Nullable;

/**
 * Receives what a {@link TransportConnection} reads, in order, on any thread.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface TransportListener {

	/**
	 * A text frame (WebSocket) or a text packet of a payload (polling) arrived.
	 * @param text the text
	 */
	void onText(String text);

	/**
	 * A binary frame arrived.
	 * @param bytes the bytes
	 */
	void onBinary(byte[] bytes);

	/**
	 * The connection closed. Called once, and nothing is called after it.
	 * @param error whether it closed because of an error (rather than a clean close by either side)
	 * @param description what happened
	 * @param cause the failure, or {@code null}
	 */
	void onClose(boolean error, String description, @Nullable Throwable cause);

}
