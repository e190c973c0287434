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

import java.net.CookieStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.springsocketio.client.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * WebSocket transport over the JDK's {@link WebSocket} on a shared {@link HttpClient}. Frames are
 * queued and sent one at a time (the JDK allows one outstanding send), by whichever thread finds
 * the queue idle; inbound fragments are put together up to the inbound size limit.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class JdkWebSocketConnector implements TransportConnector {

	private static final long CLOSE_LIMIT_MILLIS = 3000;

	private final HttpClient httpClient;

	private final ScheduledExecutorService scheduler;

	private final Duration connectTimeout;

	private final CookieStore cookies;

	/**
	 * Creates a connector.
	 * @param httpClient the HTTP client the WebSockets are opened with
	 * @param scheduler bounds how long a closing handshake may take
	 * @param connectTimeout how long opening a WebSocket may take
	 * @param cookies where the cookies of the upgrade response are kept, when the HTTP client's
	 * cookie handler is an {@link UpgradeResponseCookies}
	 */
	public JdkWebSocketConnector(HttpClient httpClient, ScheduledExecutorService scheduler, Duration connectTimeout,
			CookieStore cookies) {
		this.httpClient = httpClient;
		this.scheduler = scheduler;
		this.connectTimeout = connectTimeout;
		this.cookies = cookies;
	}

	/**
	 * Marks the handshake for the shared client's cookie handler, when it is ours, so that the
	 * cookies of its response reach this client's store.
	 */
	private UpgradeResponseCookies.Handshake upgradeResponseCookies(URI uri) {
		if (this.httpClient.cookieHandler().orElse(null) instanceof UpgradeResponseCookies router) {
			return router.register(uri, this.cookies);
		}
		return UpgradeResponseCookies.Handshake.unmarked(uri);
	}

	@Override
	public CompletableFuture<TransportConnection> open(TransportRequest request, TransportListener listener) {
		WebSocket.Builder builder = this.httpClient.newWebSocketBuilder().connectTimeout(this.connectTimeout);
		Connection connection = new Connection(request, listener, this.scheduler);
		request.headers().forEach((name, values) -> values.forEach((value) -> builder.header(name, value)));
		UpgradeResponseCookies.Handshake handshake = upgradeResponseCookies(request.uri());
		return builder.buildAsync(handshake.uri(), connection).handle((webSocket, failure) -> {
			handshake.done();
			if (failure == null) {
				return connection.opened(webSocket);
			}
			Throwable cause = Failures.unwrap(failure);
			if (cause instanceof IllegalArgumentException) {
				// The JDK refuses some headers, e.g. Connection or Host, on the opening handshake.
				cause = new IllegalArgumentException("The JDK WebSocket refused the handshake (" + cause.getMessage()
						+ "): leave that header out, or use WebSocketImplementation.SPRING", cause);
			}
			throw new CompletionException(cause);
		});
	}

	private static final class Connection extends WebSocketConnection implements WebSocket.Listener {

		private final ScheduledExecutorService scheduler;

		private final AtomicBoolean sending = new AtomicBoolean();

		private final AtomicBoolean readingPaused = new AtomicBoolean();

		/** Whether a message was withheld from the JDK's demand while reading was paused. */
		private final AtomicBoolean requestOwed = new AtomicBoolean();

		private volatile @Nullable WebSocket webSocket;

		Connection(TransportRequest request, TransportListener listener, ScheduledExecutorService scheduler) {
			super(request, listener);
			this.scheduler = scheduler;
		}

		// Receiving (the HTTP client's executor, one call at a time)

		@Override
		public void onOpen(WebSocket webSocket) {
			this.webSocket = webSocket;
			webSocket.request(1);
		}

		/**
		 * The WebSocket is open; the JDK does not promise that {@link #onOpen} ran before.
		 */
		TransportConnection opened(WebSocket webSocket) {
			this.webSocket = webSocket;
			return this;
		}

		/*
		 * The next message is requested even when handling this one threw: without demand the JDK
		 * delivers nothing more, not even the server's close, and the connection would look open.
		 */

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			boolean more = false;
			try {
				more = receiveText(data, last);
			}
			finally {
				if (more || !this.closed.get()) {
					requestNext(webSocket);
				}
			}
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			boolean more = false;
			try {
				more = receiveBinary(data, last);
			}
			finally {
				if (more || !this.closed.get()) {
					requestNext(webSocket);
				}
			}
			return null;
		}

		private void requestNext(WebSocket webSocket) {
			if (!this.readingPaused.get()) {
				webSocket.request(1);
				return;
			}
			this.requestOwed.set(true);
			// Reading may have resumed before the request was owed: then nobody else requests it.
			if (!this.readingPaused.get() && this.requestOwed.compareAndSet(true, false)) {
				webSocket.request(1);
			}
		}

		@Override
		public void pauseReading(boolean paused) {
			this.readingPaused.set(paused);
			WebSocket current = this.webSocket;
			if (!paused && current != null && this.requestOwed.compareAndSet(true, false)) {
				current.request(1);
			}
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed(false, "WebSocket closed (" + statusCode + ")", null);
			this.terminated.complete(null);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed(true, "WebSocket error: " + Redaction.text(Failures.describe(error)), error);
			abort();
		}

		// Sending (any thread)

		/**
		 * Sends queued frames while the sends complete at once; a send that does not continues
		 * from its completion.
		 */
		@Override
		void sendQueued() {
			while (hasQueued() && this.sending.compareAndSet(false, true)) {
				Object frame = takeQueued();
				if (frame == null) {
					this.sending.set(false);
					continue;
				}
				CompletableFuture<WebSocket> sent = send(frame);
				if (sent == null) {
					dropQueued();
					this.sending.set(false);
					return;
				}
				if (!sent.isDone()) {
					sent.whenComplete((webSocket, failure) -> {
						if (!failed(failure)) {
							this.sending.set(false);
							sendQueued();
						}
					});
					return;
				}
				if (failed(failure(sent))) {
					return;
				}
				this.sending.set(false);
			}
		}

		private static @Nullable Throwable failure(CompletableFuture<WebSocket> sent) {
			try {
				sent.join();
				return null;
			}
			catch (CompletionException ex) {
				return Failures.unwrap(ex);
			}
			catch (CancellationException ex) {
				return ex;
			}
		}

		private @Nullable CompletableFuture<WebSocket> send(Object frame) {
			WebSocket current = this.webSocket;
			if (current == null || this.closed.get()) {
				return null;
			}
			if (frame == CLOSE) {
				closed(false, "closed by the client", null);
				current.sendClose(WebSocket.NORMAL_CLOSURE, "");
				awaitClosingHandshake(current);
				return null;
			}
			return (frame instanceof String text) ? current.sendText(text, true)
					: current.sendBinary(ByteBuffer.wrap((byte[]) frame), true);
		}

		private boolean failed(@Nullable Throwable failure) {
			if (failure == null) {
				return false;
			}
			closed(true, "WebSocket send failed: " + Redaction.text(Failures.describe(failure)), failure);
			abort();
			return true;
		}

		@Override
		void abort() {
			WebSocket current = this.webSocket;
			if (current != null) {
				current.abort();
			}
			this.terminated.complete(null);
		}

		/**
		 * The server answers the close frame with its own; give up waiting after a while.
		 */
		private void awaitClosingHandshake(WebSocket webSocket) {
			try {
				this.scheduler.schedule(() -> {
					if (!this.terminated.isDone()) {
						webSocket.abort();
						this.terminated.complete(null);
					}
				}, CLOSE_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				webSocket.abort();
				this.terminated.complete(null);
			}
		}

	}

}
