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

import org.jspecify.annotations.Nullable;

/**
 * A client's request to connect to a namespace of the {@link SocketIoTestServer}, which a test
 * can read and refuse, as a Socket.IO server's middleware does.
 *
 * <pre class="code">
 * server.onConnectRequest((request) -&gt; {
 *     if (!"secret".equals(request.auth().get("token"))) {
 *         request.refuse("invalid token", Map.of("code", 401));
 *     }
 * });
 * </pre>
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface ConnectRequest {

	/**
	 * The namespace the client asks for.
	 * @return the namespace, e.g. {@code /} or {@code /chat}
	 */
	String namespace();

	/**
	 * The auth payload the client sent with the request.
	 * @return the payload as plain Java values; empty when the client sent none
	 */
	Map<String, Object> auth();

	/**
	 * A header of the HTTP request that opened the client's connection.
	 * @param name the name, in any case
	 * @return the first value, or {@code null}
	 */
	@Nullable String header(String name);

	/**
	 * A query parameter of the HTTP request that opened the client's connection.
	 * @param name the name
	 * @return the first value, or {@code null}
	 */
	@Nullable String queryParameter(String name);

	/**
	 * Refuses the request: the client gets a {@code CONNECT_ERROR} with this message.
	 * @param message the message
	 */
	default void refuse(String message) {
		refuse(message, null);
	}

	/**
	 * Refuses the request: the client gets a {@code CONNECT_ERROR} with this message and data.
	 * @param message the message
	 * @param data the data, any value Jackson can write, or {@code null} for none
	 */
	void refuse(String message, @Nullable Object data);

}
