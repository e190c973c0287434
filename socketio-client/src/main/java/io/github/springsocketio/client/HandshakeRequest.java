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

import java.util.List;
import java.util.Map;

/**
 * The HTTP handshake of a connection attempt, which interceptors may change.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface HandshakeRequest {

	/**
	 * The number of this attempt: 1 for the first connect, then one more for each reconnect attempt.
	 * @return the attempt
	 */
	int attempt();

	/**
	 * The HTTP headers of the handshake, mutable.
	 * @return the headers
	 */
	Map<String, List<String>> headers();

	/**
	 * The query parameters of the handshake, mutable; the Engine.IO parameters cannot be overridden.
	 * @return the query parameters
	 */
	Map<String, String> query();

}
