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
 * The Socket.IO v5 packet types, each written as one ASCII digit.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public enum SocketPacketType {

	/** Joins a namespace (client), or accepts the join (server). */
	CONNECT,

	/** Leaves a namespace. */
	DISCONNECT,

	/** An event. */
	EVENT,

	/** The acknowledgement of an event. */
	ACK,

	/** The server refused to join a namespace. */
	CONNECT_ERROR,

	/** An event with binary attachments. */
	BINARY_EVENT,

	/** An acknowledgement with binary attachments. */
	BINARY_ACK;

	private static final SocketPacketType[] VALUES = values();

	/**
	 * The digit that stands for this type on the wire.
	 * @return the digit
	 */
	public char code() {
		return (char) ('0' + ordinal());
	}

	static SocketPacketType fromCode(char code) {
		int index = code - '0';
		if (index < 0 || index >= VALUES.length) {
			throw new ProtocolException("Unknown Socket.IO packet type '" + code + "'");
		}
		return VALUES[index];
	}

}
