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

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.netty.channel.ChannelHandler;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import org.jspecify.annotations.Nullable;

/**
 * The proxy handler of a Netty connection, as a {@link ProxySelector} chooses it for the URL: HTTP
 * (a {@code CONNECT} tunnel) or SOCKS 5. A class of its own, so that the connector names no type of
 * {@code io.netty:netty-handler-proxy}, which is optional: it is loaded only for a client with a
 * proxy.
 */
final class NettyProxies {

	private NettyProxies() {
	}

	/**
	 * The handler that goes first in the pipeline, or none for a direct connection.
	 * @param selector the client's proxy selector
	 * @param uri the WebSocket URL
	 * @param connectTimeout how long connecting through the proxy may take
	 * @return the handler, or {@code null}
	 */
	static @Nullable ChannelHandler handler(ProxySelector selector, URI uri, Duration connectTimeout) {
		List<Proxy> proxies = selector.select(httpUri(uri));
		Proxy proxy = (proxies == null || proxies.isEmpty()) ? Proxy.NO_PROXY : proxies.get(0);
		if (proxy.type() == Proxy.Type.DIRECT || !(proxy.address() instanceof InetSocketAddress address)) {
			return null;
		}
		ProxyHandler handler = (proxy.type() == Proxy.Type.HTTP) ? new HttpProxyHandler(address)
				: new Socks5ProxyHandler(address);
		handler.setConnectTimeoutMillis(connectTimeout.toMillis());
		return handler;
	}

	/** Proxy selectors know http and https, as the JDK's WebSocket asks them. */
	private static URI httpUri(URI uri) {
		String scheme = ("wss".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) ? "https"
				: "http";
		return URI.create(scheme + "://" + uri.getRawAuthority() + "/");
	}

}
