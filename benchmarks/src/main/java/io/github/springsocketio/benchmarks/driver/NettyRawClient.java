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
package io.github.springsocketio.benchmarks.driver;

import java.net.URI;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The floor of Netty's WebSocket client ({@code netty-codec-http}): one event-loop group for every
 * connection of the process, as many threads as cores, NIO transport, pooled buffers (Netty's
 * default allocator); sends are queued by whatever thread emits and written and flushed in
 * batches on the event loop.
 */
final class NettyRawClient extends RawSocketIo {

	private static final int MAX_FRAME = 16 * 1024 * 1024;

	private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
			Runtime.getRuntime().availableProcessors(), new DefaultThreadFactory("netty-raw", true),
			NioIoHandler.newFactory());

	private final Queue<TextWebSocketFrame> outbox = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean drainPending = new AtomicBoolean();

	private volatile Channel channel;

	static CompletableFuture<BenchClient> connect(String url, boolean polling) {
		if (polling) {
			return CompletableFuture.failedFuture(new UnsupportedOperationException("WebSocket only"));
		}
		URI uri = URI.create(webSocketUrl(url));
		NettyRawClient client = new NettyRawClient();
		WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(uri)
			.version(WebSocketVersion.V13)
			.maxFramePayloadLength(MAX_FRAME)
			.build();
		new Bootstrap().group(GROUP)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					client.channel = channel;
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
								new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME),
								client.new Frames());
				}
			})
			.connect(uri.getHost(), uri.getPort())
			.addListener((future) -> {
				if (!future.isSuccess()) {
					client.failed(future.cause());
				}
			});
		return client.connected;
	}

	/**
	 * Queues the frame; one task on the event loop writes whatever is queued and flushes once, so
	 * that a thread emitting in a loop costs one task and one system call per batch, not per frame.
	 */
	@Override
	void send(String text) {
		this.outbox.add(new TextWebSocketFrame(text));
		if (this.drainPending.compareAndSet(false, true)) {
			this.channel.eventLoop().execute(this::drain);
		}
	}

	private void drain() {
		this.drainPending.set(false);
		TextWebSocketFrame frame;
		while ((frame = this.outbox.poll()) != null) {
			this.channel.write(frame);
		}
		this.channel.flush();
	}

	/** After the frames queued before it, a close frame; then the connection closes. */
	@Override
	void closeWebSocket() {
		this.channel.eventLoop().execute(() -> {
			drain();
			this.channel.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
		});
	}

	/** The text frames from the server, on the channel's event loop. */
	private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {

		@Override
		protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
			received(frame.text());
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) {
			failed(new IllegalStateException("connection closed"));
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			failed(cause);
			context.close();
		}

	}

}
