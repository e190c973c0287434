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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.springsocketio.client.Redaction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * WebSocket transport over Spring's {@link WebSocketClient} (by default the JSR-356
 * {@code StandardWebSocketClient} on Tomcat). Receives partial messages and puts them together up
 * to the inbound size limit, so that the container's per-connection buffers stay small; sends
 * through a queue drained by one thread at a time, because WebSocket sessions allow no
 * concurrent sends.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class SpringWebSocketConnector implements TransportConnector {

	private static final Log logger = LogFactory.getLog(SpringWebSocketConnector.class);

	private final WebSocketClient client;

	private static final long CLOSE_POLL_MILLIS = 5;

	private static final long CLOSE_LIMIT_MILLIS = 3000;

	private final Executor writeExecutor;

	private final ScheduledExecutorService scheduler;

	/**
	 * Creates a connector.
	 * @param client the WebSocket client
	 * @param writeExecutor runs the (blocking) sends
	 * @param scheduler checks when closed connections are released
	 */
	public SpringWebSocketConnector(WebSocketClient client, Executor writeExecutor, ScheduledExecutorService scheduler) {
		this.client = client;
		this.writeExecutor = writeExecutor;
		this.scheduler = scheduler;
	}

	@Override
	public CompletableFuture<TransportConnection> open(TransportRequest request, TransportListener listener) {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		request.headers().forEach((name, values) -> values.forEach((value) -> headers.add(name, value)));
		Connection connection = new Connection(request, listener, this.writeExecutor,
				this.scheduler);
		return this.client.execute(connection, headers, request.uri()).thenApply((session) -> connection);
	}

	private static final class Connection extends WebSocketConnection implements WebSocketHandler {

		private final Executor writeExecutor;

		private final ScheduledExecutorService scheduler;

		private final AtomicBoolean writing = new AtomicBoolean();

		private volatile @Nullable WebSocketSession session;

		Connection(TransportRequest request, TransportListener listener, Executor writeExecutor,
				ScheduledExecutorService scheduler) {
			super(request, listener);
			this.writeExecutor = writeExecutor;
			this.scheduler = scheduler;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.session = session;
		}

		@Override
		public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
			if (message instanceof TextMessage text) {
				receiveText(text.getPayload(), text.isLast());
			}
			else if (message instanceof BinaryMessage binary) {
				receiveBinary(binary.getPayload(), binary.isLast());
			}
		}

		/**
		 * Tomcat suspended while it processed a read keeps the frames that read brought but did
		 * not process, and on resume processes them only once more bytes arrive: were they the
		 * server's last for a while, they would wait that long. A ping makes the server send a pong.
		 */
		@Override
		public void pauseReading(boolean paused) {
			if (this.session instanceof NativeWebSocketSession nativeSession
					&& StandardWebSocketClients.pauseReading(nativeSession.getNativeSession(), paused) && !paused) {
				ping();
			}
		}

		@Override
		void abort() {
			closeSession(CloseStatus.TOO_BIG_TO_PROCESS);
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) {
			closed(true, "WebSocket error: " + Redaction.text(Failures.describe(exception)), exception);
			closeSession(CloseStatus.SERVER_ERROR);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			closed(false, "WebSocket closed (" + status.getCode() + ")", null);
			awaitClosingHandshake(session, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_LIMIT_MILLIS));
		}

		/**
		 * Tomcat reports a close it started at once, but releases the connection only when the
		 * server's close frame arrives: wait (bounded) for that before calling it terminated.
		 */
		private void awaitClosingHandshake(WebSocketSession session, long deadline) {
			boolean closing = session instanceof NativeWebSocketSession nativeSession
					&& StandardWebSocketClients.isClosing(nativeSession.getNativeSession());
			if (!closing || System.nanoTime() - deadline > 0) {
				this.terminated.complete(null);
				return;
			}
			try {
				this.scheduler.schedule(() -> awaitClosingHandshake(session, deadline), CLOSE_POLL_MILLIS,
						TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				this.terminated.complete(null);
			}
		}

		@Override
		public boolean supportsPartialMessages() {
			return true;
		}

		/**
		 * Sends block: a thread of the write executor sends what is queued.
		 */
		@Override
		void sendQueued() {
			if (this.writing.compareAndSet(false, true)) {
				this.writeExecutor.execute(this::write);
			}
		}

		private void write() {
			do {
				Object frame;
				while ((frame = takeQueued()) != null) {
					if (!write(frame)) {
						dropQueued();
						break;
					}
				}
				this.writing.set(false);
			}
			while (hasQueued() && this.writing.compareAndSet(false, true));
		}

		private boolean write(Object frame) {
			WebSocketSession current = this.session;
			if (current == null || this.closed.get()) {
				return false;
			}
			if (frame == CLOSE) {
				closed(false, "closed by the client", null);
				closeSession(CloseStatus.NORMAL);
				return false;
			}
			try {
				current.sendMessage((frame == PING) ? new PingMessage()
						: (frame instanceof String text) ? new TextMessage(text) : new BinaryMessage((byte[]) frame));
				return true;
			}
			catch (Exception ex) {
				closed(true, "WebSocket send failed: " + Redaction.text(Failures.describe(ex)), ex);
				closeSession(CloseStatus.SERVER_ERROR);
				return false;
			}
		}

		private void closeSession(CloseStatus status) {
			WebSocketSession current = this.session;
			if (current == null || !current.isOpen()) {
				this.terminated.complete(null);
			}
			else {
				try {
					current.close(status);
				}
				catch (Exception ex) {
					logger.debug("Error while closing the WebSocket session", ex);
				}
			}
		}

	}

}
