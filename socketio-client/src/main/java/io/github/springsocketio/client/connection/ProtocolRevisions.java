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
package io.github.springsocketio.client.connection;

import io.github.springsocketio.client.ProtocolVersion;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.protocol.OlderProtocolException;
import io.github.springsocketio.client.protocol.SocketProtocol;
import org.jspecify.annotations.Nullable;

/**
 * The protocol revision a connection speaks: the one the builder named, or with
 * {@link ProtocolVersion#AUTO} protocol 5 until the server shows that it is a Socket.IO 1.x/2.x
 * server (an Engine.IO 3 polling payload, a CONNECT reply without a session id), then protocol 4
 * for the client's life. Changed on the connection's serial executor; read from any thread.
 */
final class ProtocolRevisions {

	/** Socket.IO protocol 4 over Engine.IO 3. */
	static final Revision V4 = new Revision(ProtocolVersion.V4, EngineProtocol.V3, SocketProtocol.V4);

	/** Socket.IO protocol 5 over Engine.IO 4. */
	static final Revision V5 = new Revision(ProtocolVersion.V5, EngineProtocol.V4, SocketProtocol.V5);

	private final ProtocolVersion configured;

	private volatile Revision current;

	private volatile @Nullable ProtocolVersion opened;

	ProtocolRevisions(ProtocolVersion configured) {
		this.configured = configured;
		this.current = (configured == ProtocolVersion.V4) ? V4 : V5;
	}

	Revision current() {
		return this.current;
	}

	/**
	 * The revision of the current or last session that completed its handshake.
	 * @return the revision, or {@code null} before the first handshake
	 */
	@Nullable ProtocolVersion opened() {
		return this.opened;
	}

	/**
	 * A session of the current revision completed its handshake.
	 */
	void sessionOpened() {
		this.opened = this.current.version();
	}

	/**
	 * The server showed that it speaks protocol 4: switches to it unless the builder named a revision.
	 * @return whether the client switched
	 */
	boolean switchToOlder() {
		if (this.configured != ProtocolVersion.AUTO || this.current == V4) {
			return false;
		}
		this.current = V4;
		return true;
	}

	/**
	 * Whether a failure shows that the server speaks an older revision than the client spoke.
	 * @param failure the failure, or {@code null}
	 * @return whether it does
	 */
	static boolean showsOlderServer(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OlderProtocolException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What a failure to connect means for the revision: with the one the builder named, or when
	 * {@link ProtocolVersion#AUTO} switched and the older one failed too.
	 * @param description the failure
	 * @param failure its cause, or {@code null}
	 * @return the description, with what the revisions did
	 */
	String explain(String description, @Nullable Throwable failure) {
		if (this.configured == ProtocolVersion.V5 && showsOlderServer(failure)) {
			return description + "; the client is set to protocol v5: set it to auto or v4 for this server";
		}
		if (this.configured == ProtocolVersion.AUTO && this.current == V4 && this.opened != ProtocolVersion.V4) {
			return "neither protocol revision works: the server answered protocol 5 as a Socket.IO 1.x/2.x server "
					+ "does, and protocol 4 failed (" + description + ")";
		}
		return description;
	}

	/**
	 * The protocols of one revision.
	 *
	 * @param version the revision
	 * @param engine its Engine.IO protocol
	 * @param socket its Socket.IO protocol
	 */
	record Revision(ProtocolVersion version, EngineProtocol engine, SocketProtocol socket) {

	}

}
