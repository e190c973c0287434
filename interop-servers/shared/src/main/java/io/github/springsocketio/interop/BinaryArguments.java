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
package io.github.springsocketio.interop;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.protocol.Packet;
import io.netty.buffer.ByteBuf;

/**
 * Gives back their binary form to the binary arguments of a received event. netty-socketio puts
 * each attachment into the packet's JSON as a base64 string before it decodes the arguments, so an
 * argument declared as {@code Object} arrives as that string. The attachments are still on the
 * packet, which only the {@link AckRequest} holds (in a private field). Compiled into each
 * netty-socketio server module, against its own netty-socketio version.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class BinaryArguments {

	private static final Field ORIGINAL_PACKET = originalPacketField();

	private BinaryArguments() {
	}

	/**
	 * The arguments with each string that is the base64 form of one of the packet's attachments
	 * replaced by the attachment's bytes, at any depth.
	 * @param args the decoded arguments
	 * @param request the acknowledgement request of the same packet
	 * @return the arguments with their binary parts
	 */
	public static List<Object> restore(List<Object> args, AckRequest request) {
		Map<String, byte[]> attachments = attachments(request);
		if (attachments.isEmpty()) {
			return args;
		}
		List<Object> restored = new ArrayList<>();
		for (Object arg : args) {
			restored.add(restore(arg, attachments));
		}
		return restored;
	}

	private static Object restore(Object value, Map<String, byte[]> attachments) {
		if (value instanceof String text && attachments.containsKey(text)) {
			return attachments.get(text);
		}
		if (value instanceof List<?> list) {
			List<Object> restored = new ArrayList<>();
			list.forEach((item) -> restored.add(restore(item, attachments)));
			return restored;
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> restored = new LinkedHashMap<>();
			map.forEach((key, item) -> restored.put(key, restore(item, attachments)));
			return restored;
		}
		return value;
	}

	private static Map<String, byte[]> attachments(AckRequest request) {
		Map<String, byte[]> attachments = new HashMap<>();
		try {
			Packet packet = (Packet) ORIGINAL_PACKET.get(request);
			if (packet.getAttachments() != null) {
				for (ByteBuf attachment : packet.getAttachments()) {
					String encoded = attachment.toString(StandardCharsets.US_ASCII);
					attachments.put(encoded, Base64.getDecoder().decode(encoded));
				}
			}
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		return attachments;
	}

	private static Field originalPacketField() {
		try {
			Field field = AckRequest.class.getDeclaredField("originalPacket");
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
