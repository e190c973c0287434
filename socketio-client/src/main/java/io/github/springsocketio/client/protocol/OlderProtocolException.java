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
package io.github.springsocketio.client.protocol;

import io.github.springsocketio.client.ProtocolException;

/**
 * Thrown when the server answers in an older revision of the protocol than the client spoke, e.g.
 * an Engine.IO 3 payload to an Engine.IO 4 request: the server is a Socket.IO 1.x or 2.x server.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class OlderProtocolException extends ProtocolException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the detail message
	 */
	public OlderProtocolException(String message) {
		super(message);
	}

}
