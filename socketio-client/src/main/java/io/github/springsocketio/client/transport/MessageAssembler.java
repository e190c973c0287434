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

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

/**
 * Puts WebSocket messages together from the fragments a WebSocket stack delivers, up to the
 * inbound size limit. One per connection; not thread-safe (a stack delivers one fragment at a
 * time).
 */
final class MessageAssembler {

	private final long maxMessageSize;

	private @Nullable StringBuilder partialText;

	private @Nullable ByteArrayOutputStream partialBinary;

	MessageAssembler(long maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	/**
	 * Takes a fragment of a text message.
	 * @param fragment the fragment
	 * @param last whether it ends the message
	 * @return the whole message, or {@code null} while fragments are missing
	 * @throws MessageTooLargeException when the message exceeds the limit
	 */
	@Nullable String text(CharSequence fragment, boolean last) {
		StringBuilder partial = this.partialText;
		if (partial == null && last) {
			if (fragment.length() > this.maxMessageSize) {
				throw tooLarge();
			}
			return fragment.toString();
		}
		if (partial == null) {
			partial = new StringBuilder(fragment.length() * 2);
			this.partialText = partial;
		}
		if (partial.length() + (long) fragment.length() > this.maxMessageSize) {
			throw tooLarge();
		}
		partial.append(fragment);
		if (!last) {
			return null;
		}
		this.partialText = null;
		return partial.toString();
	}

	/**
	 * Takes a fragment of a binary message.
	 * @param fragment the fragment
	 * @param last whether it ends the message
	 * @return the whole message, or {@code null} while fragments are missing
	 * @throws MessageTooLargeException when the message exceeds the limit
	 */
	byte @Nullable [] binary(ByteBuffer fragment, boolean last) {
		ByteArrayOutputStream partial = this.partialBinary;
		if (partial == null) {
			partial = new ByteArrayOutputStream(fragment.remaining());
			this.partialBinary = partial;
		}
		if (partial.size() + (long) fragment.remaining() > this.maxMessageSize) {
			throw tooLarge();
		}
		byte[] bytes = new byte[fragment.remaining()];
		fragment.get(bytes);
		partial.writeBytes(bytes);
		if (!last) {
			return null;
		}
		this.partialBinary = null;
		return partial.toByteArray();
	}

	private MessageTooLargeException tooLarge() {
		this.partialText = null;
		this.partialBinary = null;
		return new MessageTooLargeException("An inbound message exceeds max-inbound-message-size ("
				+ this.maxMessageSize + " bytes); closing the connection");
	}

	/**
	 * An inbound message exceeds the limit.
	 */
	static final class MessageTooLargeException extends RuntimeException {

		MessageTooLargeException(String message) {
			super(message);
		}

	}

}
