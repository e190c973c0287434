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

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Thrown when a connection or a namespace could not be connected: the server refused the
 * namespace (a CONNECT_ERROR, {@link #serverMessage()} is its message) or the connection failed
 * locally (no server, timeout, transport error; {@link #serverMessage()} is {@code null}).
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class SocketIoConnectException extends SocketIoException {

	private static final long serialVersionUID = 1L;

	private final String namespace;

	private final @Nullable String serverMessage;

	private final transient @Nullable JsonNode data;

	/**
	 * Creates an exception for a refusal by the server.
	 * @param namespace the namespace
	 * @param serverMessage the message of the server's CONNECT_ERROR
	 * @param data the data of the server's CONNECT_ERROR, or {@code null}
	 */
	public SocketIoConnectException(String namespace, @Nullable String serverMessage, @Nullable JsonNode data) {
		super("The server refused namespace '" + namespace + "'"
				+ ((serverMessage == null || serverMessage.isEmpty()) ? "" : ": " + serverMessage));
		this.namespace = namespace;
		this.serverMessage = serverMessage;
		this.data = data;
	}

	/**
	 * Creates an exception for a local failure.
	 * @param namespace the namespace
	 * @param message the detail message
	 */
	public SocketIoConnectException(String namespace, String message) {
		this(namespace, message, (Throwable) null);
	}

	/**
	 * Creates an exception for a local failure.
	 * @param namespace the namespace
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	public SocketIoConnectException(String namespace, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.namespace = namespace;
		this.serverMessage = null;
		this.data = null;
	}

	/**
	 * The namespace that could not be connected.
	 * @return the namespace
	 */
	public String namespace() {
		return this.namespace;
	}

	/**
	 * The message of the server's CONNECT_ERROR.
	 * @return the message, or {@code null} when the failure was local
	 */
	public @Nullable String serverMessage() {
		return this.serverMessage;
	}

	/**
	 * The data of the server's CONNECT_ERROR.
	 * @return the data, or {@code null}
	 */
	public @Nullable JsonNode data() {
		return this.data;
	}

}
