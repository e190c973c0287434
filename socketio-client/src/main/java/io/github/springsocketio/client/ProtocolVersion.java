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
 * The revision of the Socket.IO protocol a client speaks, which tells the server generations it
 * can talk to.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public enum ProtocolVersion {

	/**
	 * Finds out: tries {@link #V5} first and switches to {@link #V4}, for the client's life, when
	 * the server shows that it is a Socket.IO 1.x/2.x (Engine.IO 3) server.
	 */
	AUTO,

	/**
	 * Socket.IO protocol 4 over Engine.IO 3: Socket.IO 1.x and 2.x servers, netty-socketio 1.x, and
	 * later servers that allow Engine.IO 3 clients ({@code allowEIO3}). The auth map travels as the
	 * namespace's query (for {@code /}, the handshake's query); there is no connection state recovery.
	 */
	V4,

	/**
	 * Socket.IO protocol 5 over Engine.IO 4: Socket.IO 3.x and 4.x servers, netty-socketio 2.x and
	 * python-socketio 5.x.
	 */
	V5

}
