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

import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The one {@code Cookie} header of a request: the values of the configured {@code Cookie}
 * headers, then the cookies that the store holds for the request's URI; and the cookies a
 * response sets, long-polling responses and WebSocket upgrade responses alike, kept in the store
 * (a load balancer's sticky-session cookie may come with either).
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class CookieHeader {

	/** The header's name. */
	public static final String NAME = "Cookie";

	/** The name of the response header that sets a cookie. */
	public static final String SET_COOKIE = "Set-Cookie";

	private static final Log logger = LogFactory.getLog(CookieHeader.class);

	private CookieHeader() {
	}

	/**
	 * The header's value.
	 * @param headers the configured headers
	 * @param store the cookies received so far
	 * @param uri the request's URI
	 * @return the value, or {@code null} when there is no cookie to send
	 */
	public static @Nullable String value(Map<String, List<String>> headers, CookieStore store, URI uri) {
		List<String> values = new ArrayList<>();
		headers.forEach((name, list) -> {
			if (NAME.equalsIgnoreCase(name)) {
				values.addAll(list);
			}
		});
		for (HttpCookie cookie : store.get(uri)) {
			values.add(cookie.getName() + "=" + cookie.getValue());
		}
		return values.isEmpty() ? null : String.join("; ", values);
	}

	/**
	 * The headers with their {@code Cookie} headers replaced by the one {@link #value}.
	 * @param headers the configured headers
	 * @param store the cookies received so far
	 * @param uri the request's URI
	 * @return the headers to send
	 */
	public static Map<String, List<String>> apply(Map<String, List<String>> headers, CookieStore store, URI uri) {
		String value = value(headers, store, uri);
		Map<String, List<String>> result = new LinkedHashMap<>();
		headers.forEach((name, list) -> {
			if (!NAME.equalsIgnoreCase(name)) {
				result.put(name, list);
			}
		});
		if (value != null) {
			result.put(NAME, List.of(value));
		}
		return result;
	}

	/**
	 * Keeps the cookies of a response's {@code Set-Cookie} headers; an invalid header is skipped.
	 * @param store the cookies received so far
	 * @param uri the request's URI ({@code ws} and {@code wss} are kept as {@code http} and
	 * {@code https}, where the requests of every transport look them up)
	 * @param setCookieHeaders the values of the response's {@code Set-Cookie} headers
	 */
	public static void store(CookieStore store, URI uri, List<String> setCookieHeaders) {
		URI httpUri = httpUri(uri);
		for (String header : setCookieHeaders) {
			try {
				for (HttpCookie cookie : HttpCookie.parse(header)) {
					store.add(httpUri, cookie);
				}
			}
			catch (IllegalArgumentException ex) {
				logger.debug("Ignoring an invalid Set-Cookie header");
			}
		}
	}

	private static URI httpUri(URI uri) {
		String scheme = uri.getScheme();
		if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
			return uri;
		}
		return URI.create(("wss".equalsIgnoreCase(scheme) ? "https" : "http") + uri.toString().substring(scheme.length()));
	}

}
