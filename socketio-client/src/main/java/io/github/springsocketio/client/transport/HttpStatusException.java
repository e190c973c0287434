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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP status other than 200, with what the server said.
 */
final class HttpStatusException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final Pattern ERROR_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");

	HttpStatusException(int status, @Nullable String body, boolean handshake) {
		super("HTTP " + status + ((handshake) ? " on the handshake" : "") + serverMessage(body));
	}

	/**
	 * The message of the server's error body, shortened; empty when there is none.
	 */
	private static String serverMessage(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		Matcher matcher = ERROR_MESSAGE.matcher(body);
		String message = matcher.find() ? matcher.group(1) : body.strip();
		return ": " + ((message.length() > 200) ? message.substring(0, 200) + "..." : message);
	}

}
