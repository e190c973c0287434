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

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.springsocketio.client.Redaction;
import io.github.springsocketio.client.concurrent.DeferredHandOffs;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket on Netty. Sends: whatever thread enqueues schedules one task on the channel's
 * event loop, which writes every queued frame and flushes once. Receives: frames on the event
 * loop, fragments put together by the shared assembler; the hand-offs of one read's frames to
 * other threads are made once the read is complete.
 */
final class NettyWebSocketConnection extends WebSocketConnection {

	private static final long CLOSE_LIMIT_MILLIS = 3000;

	private final CompletableFuture<TransportConnection> opened = new CompletableFuture<>();

	private final AtomicBoolean drainPending = new AtomicBoolean();

	private volatile @Nullable Channel channel;

	NettyWebSocketConnection(TransportRequest request, TransportListener listener) {
		super(request, listener);
	}

	CompletableFuture<TransportConnection> opened() {
		return this.opened;
	}

	ChannelHandler inbound() {
		return new Inbound();
	}

	void openFailed(Throwable cause) {
		this.opened.completeExceptionally(cause);
		abort();
	}

	// Sending (any thread, then the event loop)

	@Override
	void sendQueued() {
		Channel current = this.channel;
		// Frames wait for the opening handshake, which sends them once it completes.
		if (current == null || !this.opened.isDone() || !this.drainPending.compareAndSet(false, true)) {
			return;
		}
		try {
			current.eventLoop().execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			closed(true, "WebSocket send failed: the event loops are shut down", ex);
		}
	}

	private void drain() {
		this.drainPending.set(false);
		Channel current = this.channel;
		if (current == null) {
			return;
		}
		Object frame;
		while ((frame = takeQueued()) != null) {
			if (frame == CLOSE) {
				current.writeAndFlush(new CloseWebSocketFrame(1000, ""), current.voidPromise());
				closed(false, "closed by the client", null);
				awaitClosingHandshake(current);
				return;
			}
			// A write that fails fires exceptionCaught, which closes the connection.
			current.write((frame instanceof String text) ? new TextWebSocketFrame(text)
					: new BinaryWebSocketFrame(Unpooled.wrappedBuffer((byte[]) frame)), current.voidPromise());
		}
		current.flush();
	}

	/** The server answers the close frame with its own; give up waiting after a while. */
	private void awaitClosingHandshake(Channel current) {
		current.eventLoop().schedule(() -> {
			current.close();
			this.terminated.complete(null);
		}, CLOSE_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
	}

	@Override
	public long queuedBytes() {
		Channel current = this.channel;
		ChannelOutboundBuffer written = (current != null) ? current.unsafe().outboundBuffer() : null;
		return super.queuedBytes() + ((written != null) ? written.totalPendingWriteBytes() : 0);
	}

	@Override
	public void pauseReading(boolean paused) {
		Channel current = this.channel;
		if (current != null) {
			current.config().setAutoRead(!paused);
		}
	}

	@Override
	void abort() {
		Channel current = this.channel;
		if (current != null) {
			current.close();
		}
		this.terminated.complete(null);
	}

	// Receiving (the event loop)

	private final class Inbound extends ChannelInboundHandlerAdapter {

		/** Whether the fragments that continue are those of a text message. */
		private boolean continuingText;

		@Override
		public void handlerAdded(ChannelHandlerContext context) {
			NettyWebSocketConnection.this.channel = context.channel();
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
			if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
				NettyWebSocketConnection.this.opened.complete(NettyWebSocketConnection.this);
				sendQueued();
			}
			else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
				openFailed(new IOException("The WebSocket handshake did not complete in time"));
			}
			else {
				super.userEventTriggered(context, event);
			}
		}

		/** The frames of one read hand their events on to the handlers together, at its end. */
		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			DeferredHandOffs.begin();
			try {
				received(context, message);
			}
			finally {
				ReferenceCountUtil.release(message);
			}
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext context) {
			DeferredHandOffs.end();
			context.fireChannelReadComplete();
		}

		private void received(ChannelHandlerContext context, Object message) {
			if (message instanceof TextWebSocketFrame text) {
				this.continuingText = !text.isFinalFragment();
				receiveText(text.text(), text.isFinalFragment());
			}
			else if (message instanceof BinaryWebSocketFrame binary) {
				this.continuingText = false;
				receiveBinary(binary.content().nioBuffer(), binary.isFinalFragment());
			}
			else if (message instanceof ContinuationWebSocketFrame fragment) {
				if (this.continuingText) {
					this.continuingText = !fragment.isFinalFragment();
					receiveText(fragment.text(), fragment.isFinalFragment());
				}
				else {
					receiveBinary(fragment.content().nioBuffer(), fragment.isFinalFragment());
				}
			}
			else if (message instanceof CloseWebSocketFrame close) {
				boolean answered = NettyWebSocketConnection.this.closed.get();
				closed(false, "WebSocket closed (" + close.statusCode() + ")", null);
				if (answered) {
					context.close();
				}
				else {
					context.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), ""))
						.addListener((future) -> context.close());
				}
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) {
			DeferredHandOffs.end();
			if (!NettyWebSocketConnection.this.opened.isDone()) {
				NettyWebSocketConnection.this.opened
					.completeExceptionally(new IOException("The connection closed before the WebSocket handshake completed"));
			}
			closed(true, "WebSocket connection lost", null);
			NettyWebSocketConnection.this.terminated.complete(null);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			DeferredHandOffs.end();
			if (!NettyWebSocketConnection.this.opened.isDone()) {
				openFailed(refusal(cause));
			}
			else {
				closed(true, "WebSocket error: " + Redaction.text(Failures.describe(cause)), cause);
			}
			context.close();
		}

		/** A handshake the server refused says so with its status, as the other stacks do. */
		private Throwable refusal(Throwable cause) {
			if (cause instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
				return new IOException("WebSocket upgrade refused: HTTP " + handshake.response().status().code(), cause);
			}
			return cause;
		}

	}

}
