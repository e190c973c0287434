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

import java.util.List;

/**
 * A Socket.IO packet encoded for the wire: the text of its header packet and the binary
 * attachments that follow it, in order.
 *
 * @param text the header packet
 * @param attachments the attachments, empty for a plain packet
 * @author springsocketio
 * @since 0.1.0
 */
public record EncodedPacket(String text, List<byte[]> attachments) {

	/**
	 * The packet's size as the send buffer counts it.
	 * @return characters of its text plus bytes of its attachments
	 */
	public long size() {
		long size = this.text.length();
		for (byte[] attachment : this.attachments) {
			size += attachment.length;
		}
		return size;
	}

}
