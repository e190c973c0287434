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
 * The Engine.IO v4 packet types, each written as one ASCII digit.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public enum EnginePacketType {

	/** Handshake from the server, first packet of every session. */
	OPEN,

	/** Asks to close the session. */
	CLOSE,

	/** Heartbeat from the server; {@code 2probe} from the client while upgrading. */
	PING,

	/** Answer to a ping. */
	PONG,

	/** A message: text or binary payload. */
	MESSAGE,

	/** Completes a transport upgrade. */
	UPGRADE,

	/** Does nothing; ends a pending poll while upgrading. */
	NOOP;

	private static final EnginePacketType[] VALUES = values();

	/**
	 * The digit that stands for this type on the wire.
	 * @return the digit
	 */
	public char code() {
		return (char) ('0' + ordinal());
	}

	static EnginePacketType fromCode(char code) {
		int index = code - '0';
		if (index < 0 || index >= VALUES.length) {
			throw new ProtocolException("Unknown Engine.IO packet type '" + code + "'");
		}
		return VALUES[index];
	}

}
