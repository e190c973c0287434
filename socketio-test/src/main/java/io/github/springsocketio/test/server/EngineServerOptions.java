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

import java.time.Duration;

/**
 * What an Engine.IO server announces in its handshake and enforces.
 *
 * @param pingInterval how often the server pings
 * @param pingTimeout how long it waits for the pong before closing the session
 * @param maxPayload the largest message or polling body it accepts, in bytes
 * @author springsocketio
 * @since 0.1.0
 */
public record EngineServerOptions(Duration pingInterval, Duration pingTimeout, int maxPayload) {

	/**
	 * Checks the options.
	 * @throws IllegalArgumentException when a duration is not positive or the payload limit is not
	 */
	public EngineServerOptions {
		if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.isNegative() || pingTimeout.isZero()) {
			throw new IllegalArgumentException("The ping interval and timeout must be positive");
		}
		if (maxPayload <= 0) {
			throw new IllegalArgumentException("The payload limit must be positive, not " + maxPayload);
		}
	}

}
