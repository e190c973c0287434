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
package io.github.springsocketio.client.connection;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.springsocketio.client.HandshakeRequest;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.transport.CookieHeader;
import io.github.springsocketio.client.transport.TransportRequest;

/**
 * The requests that open one Engine.IO session: the handshake of the attempt, which the
 * interceptors may change, then per transport its URI ({@code EIO}, {@code transport} and the
 * application's query) and headers. WebSocket handshakes carry the stored cookies; long-polling
 * adds them to each request itself.
 */
final class EngineRequests implements HandshakeRequest {

	/** Query parameters of the protocol, which the application's query cannot set. */
	private static final Set<String> RESERVED_QUERY = Set.of("EIO", "transport", "sid", "t");

	private final ClientOptions options;

	private final EngineProtocol protocol;

	private final int attempt;

	private final Map<String, List<String>> headers;

	private final Map<String, String> query;

	private final Map<String, String> defaultNamespaceQuery;

	private EngineRequests(ClientOptions options, EngineProtocol protocol, Map<String, String> defaultNamespaceQuery,
			int attempt) {
		this.options = options;
		this.protocol = protocol;
		this.defaultNamespaceQuery = defaultNamespaceQuery;
		this.attempt = attempt;
		this.headers = new LinkedHashMap<>(options.headers());
		this.query = new LinkedHashMap<>(options.query());
	}

	/**
	 * The handshake of an attempt, as the interceptors left it.
	 * @param options the client's settings
	 * @param protocol the Engine.IO revision
	 * @param defaultNamespaceQuery what the handshake carries for the default namespace, after
	 * the application's query and outside the interceptors' reach (e.g. its auth on protocol 4)
	 * @param attempt the handshake attempt, 1 for the first
	 * @return the requests of the attempt
	 */
	static EngineRequests forAttempt(ClientOptions options, EngineProtocol protocol,
			Map<String, String> defaultNamespaceQuery, int attempt) {
		EngineRequests requests = new EngineRequests(options, protocol, defaultNamespaceQuery, attempt);
		for (SocketIoInterceptor interceptor : options.interceptors()) {
			interceptor.beforeHandshake(requests);
		}
		return requests;
	}

	@Override
	public int attempt() {
		return this.attempt;
	}

	@Override
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	@Override
	public Map<String, String> query() {
		return this.query;
	}

	/**
	 * The request that opens the session on a transport.
	 * @param transport the transport
	 * @return the request
	 */
	TransportRequest open(Transport transport) {
		URI uri = uri(transport, this.query);
		return new TransportRequest(uri, (transport == Transport.WEBSOCKET) ? withCookies() : this.headers,
				this.options.maxInboundMessageSize(), this.protocol);
	}

	/**
	 * The WebSocket request that upgrades a long-polling session.
	 * @param sid the session's id
	 * @return the request
	 */
	TransportRequest upgrade(String sid) {
		URI uri = URI.create(uri(Transport.WEBSOCKET, this.query) + "&sid=" + encode(sid));
		return new TransportRequest(uri, withCookies(), this.options.maxInboundMessageSize(), this.protocol);
	}

	private Map<String, List<String>> withCookies() {
		return CookieHeader.apply(this.headers, this.options.cookieStore(), uri(Transport.POLLING, Map.of()));
	}

	private URI uri(Transport transport, Map<String, String> query) {
		URI base = this.options.uri();
		boolean secure = switch (base.getScheme().toLowerCase(Locale.ROOT)) {
			case "https", "wss" -> true;
			default -> false;
		};
		String scheme = (transport == Transport.WEBSOCKET) ? (secure ? "wss" : "ws") : (secure ? "https" : "http");
		String path = this.options.path().endsWith("/") ? this.options.path() : this.options.path() + "/";
		StringBuilder uri = new StringBuilder(scheme).append("://").append(base.getRawAuthority()).append(path);
		uri.append("?EIO=").append(this.protocol.version()).append("&transport=").append(transport.wireName());
		Map<String, String> parameters = new LinkedHashMap<>(query);
		parameters.putAll(this.defaultNamespaceQuery);
		parameters.forEach((name, value) -> {
			if (!RESERVED_QUERY.contains(name)) {
				uri.append('&').append(encode(name)).append('=').append(encode(value));
			}
		});
		return URI.create(uri.toString());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
