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

import java.io.IOException;
import java.util.List;

import io.github.springsocketio.client.protocol.EnginePacket;

/**
 * A session's WebSocket, as the session uses it: frames out, and closing.
 */
interface WebSocketChannel {

	/**
	 * Writes packets as frames, in order; callers hold their session's lock.
	 */
	void write(List<EnginePacket> packets) throws IOException;

	void close();

}
