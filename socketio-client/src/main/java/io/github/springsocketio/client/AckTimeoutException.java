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

package io.github.springsocketio.client;

/**
 * Thrown (or used to fail a future) when the server did not acknowledge an emit within the ack timeout.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class AckTimeoutException extends SocketIoException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the detail message
	 */
	public AckTimeoutException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public AckTimeoutException(String message, Throwable cause) {
		super(message, cause);
	}

}
