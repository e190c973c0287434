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

import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.WebSocketImplementation;
import io.github.springsocketio.client.transport.JdkWebSocketConnector;
import io.github.springsocketio.client.transport.NettyClassPath;
import io.github.springsocketio.client.transport.NettyEventLoops;
import io.github.springsocketio.client.transport.NettyWebSocketConnector;
import io.github.springsocketio.client.transport.PollingConnector;
import io.github.springsocketio.client.transport.SpringWebSocketConnector;
import io.github.springsocketio.client.transport.StandardWebSocketClients;
import io.github.springsocketio.client.transport.TransportConnector;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * The connectors of a client's transports, one per configured {@link Transport}. A new transport
 * is a {@link TransportConnector} and one line in {@link #FACTORIES}.
 */
final class TransportRegistry {

	private final Map<Transport, TransportConnector> connectors = new EnumMap<>(Transport.class);

	private final ClientOptions options;

	private final SharedResources resources;

	/** How many times the shared HTTP client of these options was taken. */
	private int httpClientLeases;

	/**
	 * Creates the connectors of the configured transports.
	 * @param options the client's settings
	 * @param resources the threads and HTTP clients they share
	 */
	TransportRegistry(ClientOptions options, SharedResources resources) {
		this.options = options;
		this.resources = resources;
		try {
			for (Transport transport : options.transports()) {
				this.connectors.put(transport, (transport == Transport.POLLING) ? polling() : webSocket());
			}
		}
		catch (RuntimeException ex) {
			release();
			throw ex;
		}
	}

	/**
	 * The client is closed: gives back the shared HTTP client, which the last user shuts down.
	 */
	void release() {
		for (; this.httpClientLeases > 0; this.httpClientLeases--) {
			this.resources.releaseHttpClient(this.options.sslContext(), this.options.proxy());
		}
	}

	boolean has(Transport transport) {
		return this.connectors.containsKey(transport);
	}

	TransportConnector connector(Transport transport) {
		return Objects.requireNonNull(this.connectors.get(transport), () -> transport + " is not configured");
	}

	private TransportConnector polling() {
		return new PollingConnector(httpClient(), this.options.cookieStore());
	}

	private HttpClient httpClient() {
		HttpClient client = this.resources.httpClient(this.options.sslContext(), this.options.proxy());
		this.httpClientLeases++;
		return client;
	}

	/**
	 * The connector of the chosen WebSocket stack; the SPRING stack's default client needs a
	 * JSR-356 implementation on the class path, the NETTY stack Netty, and each fails here without.
	 */
	private TransportConnector webSocket() {
		if (this.options.webSocketImplementation() == WebSocketImplementation.JDK) {
			return new JdkWebSocketConnector(httpClient(), this.resources.scheduler, this.options.connectTimeout(),
					this.options.cookieStore());
		}
		if (this.options.webSocketImplementation() == WebSocketImplementation.NETTY) {
			if (this.options.proxy() != null && NettyClassPath.isPresent() && !NettyClassPath.isProxyPresent()) {
				throw new IllegalStateException(NettyClassPath.PROXY_MISSING);
			}
			// Fails without Netty before the connector, whose class names Netty's types, is loaded.
			NettyEventLoops loops = this.resources.nettyEventLoops();
			return new NettyWebSocketConnector(loops, this.options.sslContext(), this.options.proxy(),
					this.options.connectTimeout(), this.options.cookieStore());
		}
		WebSocketClient own = this.options.webSocketClient();
		if (own != null && this.options.sslContext() != null
				&& !StandardWebSocketClients.usesSslContext(own, this.options.sslContext())) {
			throw new IllegalStateException("sslContext(..) does not apply to a WebSocketClient of your own: give it "
					+ "the same SSLContext (StandardWebSocketClient.setSslContext), or configure TLS on it alone "
					+ "and leave sslContext unset");
		}
		WebSocketClient client = (own != null) ? own : this.resources.standardWebSocketClient(this.options.sslContext());
		return new SpringWebSocketConnector(client, this.resources.blocking, this.resources.scheduler);
	}

}
