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
import java.net.CookieStore;
import java.net.ProxySelector;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import org.jspecify.annotations.Nullable;

/**
 * WebSocket transport over Netty's WebSocket client, on the event loops that every client of the
 * JVM shares: frames are written and flushed in batches on the connection's event loop, inbound
 * fragments are put together up to the inbound size limit, reading pauses by turning off
 * auto-read. No permessage-deflate, as Socket.IO servers by default. Through a proxy, the proxy
 * resolves the server's name.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class NettyWebSocketConnector implements TransportConnector {

	/** The handshake response's headers and status line, at most. */
	private static final int MAX_HANDSHAKE_RESPONSE = 64 * 1024;

	private final NettyEventLoops loops;

	private final @Nullable SSLContext sslContext;

	private final @Nullable ProxySelector proxy;

	private final Duration connectTimeout;

	private final CookieStore cookies;

	/**
	 * Creates a connector.
	 * @param loops the shared event loops
	 * @param sslContext the TLS context of {@code wss} URLs, or {@code null} for the JVM's default
	 * @param proxy chooses the proxy of each connection, or {@code null} to connect directly; with
	 * one, {@code io.netty:netty-handler-proxy} must be on the class path
	 * @param connectTimeout how long connecting and the opening handshake may take
	 * @param cookies where the cookies of the upgrade response are kept
	 */
	public NettyWebSocketConnector(NettyEventLoops loops, @Nullable SSLContext sslContext, @Nullable ProxySelector proxy,
			Duration connectTimeout, CookieStore cookies) {
		this.loops = loops;
		this.sslContext = sslContext;
		this.proxy = proxy;
		this.connectTimeout = connectTimeout;
		this.cookies = cookies;
	}

	@Override
	public CompletableFuture<TransportConnection> open(TransportRequest request, TransportListener listener) {
		URI uri = request.uri();
		boolean tls = "wss".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
		String host = uri.getHost();
		int port = (uri.getPort() != -1) ? uri.getPort() : (tls ? 443 : 80);
		NettyWebSocketConnection connection = new NettyWebSocketConnection(request, listener);
		SSLContext tlsContext;
		try {
			tlsContext = tls ? ((this.sslContext != null) ? this.sslContext : SSLContext.getDefault()) : null;
		}
		catch (NoSuchAlgorithmException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		WebSocketClientProtocolConfig handshake = handshake(request);
		ChannelHandler proxyHandler = (this.proxy != null) ? NettyProxies.handler(this.proxy, uri, this.connectTimeout)
				: null;
		Bootstrap bootstrap = new Bootstrap();
		if (proxyHandler != null) {
			bootstrap.resolver(NoopAddressResolverGroup.INSTANCE);
		}
		bootstrap.group(this.loops.group())
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, this.connectTimeout.toMillis()))
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					if (proxyHandler != null) {
						channel.pipeline().addLast(proxyHandler);
					}
					if (tlsContext != null) {
						channel.pipeline().addLast(sslHandler(tlsContext, host, port));
					}
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE),
								new UpgradeResponseCookies(uri), new WebSocketClientProtocolHandler(handshake),
								connection.inbound());
				}
			})
			// Resolved by the bootstrap's resolver, or by the proxy, whose resolver is a no-op.
			.connect(InetSocketAddress.createUnresolved(host, port))
			.addListener((future) -> {
				if (!future.isSuccess()) {
					connection.openFailed(future.cause());
				}
			});
		return connection.opened();
	}

	private WebSocketClientProtocolConfig handshake(TransportRequest request) {
		HttpHeaders headers = new DefaultHttpHeaders();
		request.headers().forEach((name, values) -> values.forEach((value) -> headers.add(name, value)));
		return WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(request.uri())
			.version(WebSocketVersion.V13)
			.customHeaders(headers)
			.allowExtensions(false)
			.maxFramePayloadLength((int) Math.min(Integer.MAX_VALUE, request.maxInboundMessageSize()))
			.handshakeTimeoutMillis(this.connectTimeout.toMillis())
			.handleCloseFrames(false)
			.dropPongFrames(true)
			.build();
	}

	private SslHandler sslHandler(SSLContext context, String host, int port) {
		SSLEngine engine = context.createSSLEngine(host, port);
		engine.setUseClientMode(true);
		SSLParameters parameters = engine.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		engine.setSSLParameters(parameters);
		SslHandler handler = new SslHandler(engine);
		handler.setHandshakeTimeoutMillis(this.connectTimeout.toMillis());
		return handler;
	}

	/**
	 * Keeps the cookies of the upgrade response, then leaves the pipeline.
	 */
	private final class UpgradeResponseCookies extends ChannelInboundHandlerAdapter {

		private final URI uri;

		UpgradeResponseCookies(URI uri) {
			this.uri = uri;
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (message instanceof HttpResponse response) {
				CookieHeader.store(NettyWebSocketConnector.this.cookies, this.uri,
						response.headers().getAll(CookieHeader.SET_COOKIE));
				context.pipeline().remove(this);
			}
			context.fireChannelRead(message);
		}

	}

}
