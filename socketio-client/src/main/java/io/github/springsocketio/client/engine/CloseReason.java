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

/**
 * Why an Engine.IO session closed.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public enum CloseReason {

	/** The client closed it. */
	FORCED_CLOSE,

	/** The server closed it, or the connection was lost. */
	TRANSPORT_CLOSE,

	/** The transport failed. */
	TRANSPORT_ERROR,

	/** The heartbeat stopped: no ping (or pong, where the client pings) in time. */
	PING_TIMEOUT,

	/** The server sent data that does not follow the protocol. */
	PARSE_ERROR

}
