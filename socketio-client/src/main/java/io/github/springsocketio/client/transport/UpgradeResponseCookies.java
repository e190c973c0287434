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

import java.net.CookieHandler;
import java.net.CookieStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The cookie handler of the shared JDK {@code HttpClient}, there only for the cookies of WebSocket
 * upgrade responses: the JDK's WebSocket shows that response's headers to the client's cookie
 * handler alone, and a load balancer's sticky-session cookie may come with it. As the client is
 * shared, a handshake is told apart by a {@code t} query parameter of its own (engine.io clients
 * send {@code t} as a cache buster; servers ignore it), and the cookies of its response go to the
 * store of the client that opened it. Requests get no cookie from here: the connectors set the
 * {@code Cookie} header from the client's store themselves.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class UpgradeResponseCookies extends CookieHandler {

	private static final String PARAMETER = "t=";

	/** Long-polling's {@code t} values are base-36 numbers, which never start so. */
	private static final String PREFIX = "ws-";

	private final AtomicLong handshakes = new AtomicLong();

	private final Map<String, CookieStore> pending = new ConcurrentHashMap<>();

	/**
	 * Marks the URI of a handshake, whose response's cookies go to a store until the handshake
	 * is {@linkplain Handshake#done() done}.
	 * @param uri the handshake's URI
	 * @param store the client's cookies
	 * @return the handshake, with the URI to open
	 */
	Handshake register(URI uri, CookieStore store) {
		String id = PREFIX + Long.toString(this.handshakes.incrementAndGet(), 36);
		this.pending.put(id, store);
		String separator = (uri.getRawQuery() != null) ? "&" : "?";
		return new Handshake(URI.create(uri + separator + PARAMETER + id), () -> this.pending.remove(id));
	}

	@Override
	public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
		return Map.of();
	}

	@Override
	public void put(URI uri, Map<String, List<String>> responseHeaders) {
		String id = handshakeId(uri);
		CookieStore store = (id != null) ? this.pending.get(id) : null;
		if (store == null) {
			return;
		}
		List<String> values = new ArrayList<>();
		responseHeaders.forEach((name, list) -> {
			if (CookieHeader.SET_COOKIE.equalsIgnoreCase(name)) {
				values.addAll(list);
			}
		});
		CookieHeader.store(store, uri, values);
	}

	private static @Nullable String handshakeId(URI uri) {
		String query = uri.getRawQuery();
		if (query == null) {
			return null;
		}
		for (String parameter : query.split("&")) {
			if (parameter.startsWith(PARAMETER + PREFIX)) {
				return parameter.substring(PARAMETER.length());
			}
		}
		return null;
	}

	/**
	 * A registered handshake.
	 * @param uri the URI to open
	 * @param forget ends the registration, once the handshake succeeded or failed
	 */
	record Handshake(URI uri, Runnable forget) {

		/** A handshake whose response's cookies are not kept. */
		static Handshake unmarked(URI uri) {
			return new Handshake(uri, () -> {
			});
		}

		void done() {
			this.forget.run();
		}

	}

}
