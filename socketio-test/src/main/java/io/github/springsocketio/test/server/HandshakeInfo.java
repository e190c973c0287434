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

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP request that opened a session: its query parameters and headers.
 *
 * @param query the query parameters, the first value of each
 * @param headers the headers, names in lower case
 * @author springsocketio
 * @since 0.1.0
 */
public record HandshakeInfo(Map<String, String> query, Map<String, List<String>> headers) {

	/**
	 * Copies the maps.
	 */
	public HandshakeInfo {
		query = Map.copyOf(query);
		headers = Map.copyOf(headers);
	}

	/**
	 * The first value of a header.
	 * @param name the name, in any case
	 * @return the value, or {@code null} when the request had none
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}
