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
package io.github.springsocketio.client.transport;

import io.github.springsocketio.client.Redaction;

/**
 * A WebSocket frame, or a packet of a long-polling payload: text or binary.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public sealed interface Frame permits Frame.Text, Frame.Binary {

	/**
	 * Sends the frame.
	 * @param connection the connection to send it on
	 */
	void sendOn(TransportConnection connection);

	/**
	 * The frame's size as a transport counts what it queues.
	 * @return characters of text, bytes of binary
	 */
	long size();

	/**
	 * A text frame.
	 *
	 * @param text the text
	 */
	record Text(String text) implements Frame {

		@Override
		public void sendOn(TransportConnection connection) {
			connection.send(this.text);
		}

		@Override
		public long size() {
			return this.text.length();
		}

		@Override
		public String toString() {
			return Redaction.frame(this.text);
		}

	}

	/**
	 * A binary frame.
	 *
	 * @param bytes the bytes
	 */
	record Binary(byte[] bytes) implements Frame {

		@Override
		public void sendOn(TransportConnection connection) {
			connection.send(this.bytes);
		}

		@Override
		public long size() {
			return this.bytes.length;
		}

		@Override
		public String toString() {
			return "binary message of " + this.bytes.length + " bytes";
		}

	}

}
