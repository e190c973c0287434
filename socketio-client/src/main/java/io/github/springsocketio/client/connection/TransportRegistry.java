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

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.WebSocketImplementation;
import io.github.springsocketio.client.transport.JdkWebSocketConnector;
import io.github.springsocketio.client.transport.PollingConnector;
import io.github.springsocketio.client.transport.SpringWebSocketConnector;
import io.github.springsocketio.client.transport.TransportConnector;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * The connectors of a client's transports, one per configured {@link Transport}. A new transport
 * is a {@link TransportConnector} and one line in {@link #FACTORIES}.
 */
final class TransportRegistry {

	private static final Map<Transport, BiFunction<ClientOptions, SharedResources, TransportConnector>> FACTORIES = Map
		.of(Transport.POLLING, TransportRegistry::polling, Transport.WEBSOCKET, TransportRegistry::webSocket);

	private final Map<Transport, TransportConnector> connectors = new EnumMap<>(Transport.class);

	/**
	 * Creates the connectors of the configured transports.
	 * @param options the client's settings
	 * @param resources the threads and HTTP clients they share
	 */
	TransportRegistry(ClientOptions options, SharedResources resources) {
		for (Transport transport : options.transports()) {
			this.connectors.put(transport, FACTORIES.get(transport).apply(options, resources));
		}
	}

	boolean has(Transport transport) {
		return this.connectors.containsKey(transport);
	}

	TransportConnector connector(Transport transport) {
		return Objects.requireNonNull(this.connectors.get(transport), () -> transport + " is not configured");
	}

	private static TransportConnector polling(ClientOptions options, SharedResources resources) {
		return new PollingConnector(resources.httpClient(options.sslContext(), options.proxy()), options.cookieStore());
	}

	/**
	 * The connector of the chosen WebSocket stack; the SPRING stack's default client needs a
	 * JSR-356 implementation on the class path, and fails here without one.
	 */
	private static TransportConnector webSocket(ClientOptions options, SharedResources resources) {
		if (options.webSocketImplementation() == WebSocketImplementation.JDK) {
			return new JdkWebSocketConnector(resources.httpClient(options.sslContext(), options.proxy()),
					resources.scheduler, options.connectTimeout());
		}
		WebSocketClient client = (options.webSocketClient() != null) ? options.webSocketClient()
				: resources.standardWebSocketClient(options.sslContext());
		return new SpringWebSocketConnector(client, resources.blocking, resources.scheduler);
	}

}
