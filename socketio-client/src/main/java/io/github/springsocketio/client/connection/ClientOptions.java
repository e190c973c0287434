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

import java.net.CookieStore;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;

import io.github.springsocketio.client.AuthProvider;
import io.github.springsocketio.client.InboundOverflow;
import io.github.springsocketio.client.ProtocolVersion;
import io.github.springsocketio.client.Reconnection;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.WebSocketImplementation;
import io.github.springsocketio.client.transport.NettyClassPath;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.client.WebSocketClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings of a client, as the builder collected them.
 */
public record ClientOptions(URI uri, List<Transport> transports, boolean upgrade, String path, Map<String, String> query,
		Map<String, List<String>> headers, @Nullable AuthProvider auth, Set<String> namespaces, Duration connectTimeout,
		Duration ackTimeout, int retries, Reconnection reconnection, int sendBufferMaxPackets,
		long maxInboundMessageSize, int maxPendingInboundEvents, InboundOverflow inboundOverflow,
		long sendBufferMaxBytes, @Nullable SSLContext sslContext, @Nullable JsonMapper jsonMapper,
		@Nullable Executor handlerExecutor, List<SocketIoInterceptor> interceptors, CookieStore cookieStore,
		@Nullable ProxySelector proxy, WebSocketImplementation webSocketImplementation,
		@Nullable WebSocketClient webSocketClient, ProtocolVersion protocol, ObservationOptions observation) {

	/**
	 * The WebSocket stack of a client that chose none: Netty's where it is on the class path, as it
	 * measured faster and leaner than the JDK's (README, Performance), with its proxy handlers too
	 * if the client has a proxy; the JDK's otherwise.
	 * @param proxy the client's proxy, if any
	 * @return the stack
	 */
	public static WebSocketImplementation defaultWebSocketImplementation(@Nullable ProxySelector proxy) {
		boolean netty = NettyClassPath.isPresent() && (proxy == null || NettyClassPath.isProxyPresent());
		return netty ? WebSocketImplementation.NETTY : WebSocketImplementation.JDK;
	}

	/**
	 * A namespace as the protocol names it: with its leading {@code /}.
	 * @param namespace the namespace, with or without its leading {@code /}
	 * @return the namespace
	 */
	public static String normalizeNamespace(String namespace) {
		Objects.requireNonNull(namespace, "'namespace' must not be null");
		return namespace.startsWith("/") ? namespace : "/" + namespace;
	}

}
