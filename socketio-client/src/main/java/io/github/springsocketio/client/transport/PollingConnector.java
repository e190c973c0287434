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

import java.io.ByteArrayOutputStream;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.EnginePacketType;
import io.github.springsocketio.client.protocol.Handshake;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP long-polling transport on the JDK {@link HttpClient}: one GET in flight to receive, one
 * POST in flight beside it to send (packets queued meanwhile go in the next POST, split to respect
 * the server's {@code maxPayload}), cookies kept in the client's {@link CookieStore}.
 *
 * Over 400 lines: one transport with its request loop, batching, close and bounded body reader;
 * the handshake parsing leaves it with the protocol-revision seam (issue 12).
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class PollingConnector implements TransportConnector {

	private static final Log logger = LogFactory.getLog(PollingConnector.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Pattern ERROR_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");

	private static final Duration POST_TIMEOUT = Duration.ofSeconds(30);

	/** How long the close packet may take; then the session is given up as the WebSocket's is. */
	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

	/**
	 * python-engineio refuses payloads of more than 16 packets (its max_decode_packets), and
	 * answers them with 200 all the same: never send more in one POST.
	 */
	private static final int MAX_PACKETS_PER_POST = 16;

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(20);

	/** A poll is held by the server for up to its ping interval; allow that and some. */
	private static final Duration POLL_TIMEOUT_MARGIN = Duration.ofSeconds(5);

	private final HttpClient http;

	private final CookieStore cookies;

	/**
	 * Creates a connector.
	 * @param http the HTTP client
	 * @param cookies the cookies sent with, and taken from, every request
	 */
	public PollingConnector(HttpClient http, CookieStore cookies) {
		this.http = http;
		this.cookies = cookies;
	}

	/**
	 * Opens a long-polling session; cancelling the returned future aborts the handshake.
	 */
	@Override
	public CompletableFuture<TransportConnection> open(TransportRequest request, TransportListener listener) {
		Polling polling = new Polling(request, listener);
		CompletableFuture<TransportConnection> opened = polling.handshake();
		opened.whenComplete((connection, failure) -> {
			if (opened.isCancelled()) {
				polling.finish(true);
			}
		});
		return opened;
	}

	private final class Polling implements TransportConnection {

		private final TransportRequest request;

		private final TransportListener listener;

		private final AtomicLong requests = new AtomicLong();

		private final List<Object> queue = new ArrayList<>();

		private final CompletableFuture<Void> terminated = new CompletableFuture<>();

		/** The requests on their way, aborted when the session ends, so that none outlives it. */
		private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

		private @Nullable String sid;

		private long maxPayload;

		private boolean closed;

		private boolean closing;

		private boolean pollInFlight;

		private boolean postInFlight;

		private @Nullable CompletableFuture<Void> paused;

		private long pollTimeoutMillis = HANDSHAKE_TIMEOUT.toMillis();

		Polling(TransportRequest request, TransportListener listener) {
			this.request = request;
			this.listener = listener;
		}

		@Override
		public Transport kind() {
			return Transport.POLLING;
		}

		CompletableFuture<TransportConnection> handshake() {
			return send(get(), true).thenApply((body) -> {
				List<EnginePacket> packets = EngineCodec.decodePayload(body);
				EnginePacket open = packets.get(0);
				if (open.type() != EnginePacketType.OPEN || open.data() == null) {
					throw new ProtocolException("Expected the Engine.IO handshake but got " + Redaction.frame(body));
				}
				Handshake handshake = Handshake.parse(open.data(), MAPPER);
				synchronized (this) {
					this.sid = handshake.sid();
					this.maxPayload = handshake.maxPayload();
					this.pollTimeoutMillis = handshake.pingInterval() + handshake.pingTimeout() + POLL_TIMEOUT_MARGIN.toMillis();
				}
				deliver(packets);
				poll();
				return this;
			});
		}

		private void poll() {
			HttpRequest get;
			synchronized (this) {
				if (this.closed || this.closing || this.paused != null || this.pollInFlight) {
					return;
				}
				this.pollInFlight = true;
				get = get();
			}
			send(get, false).whenComplete((body, failure) -> {
				synchronized (this) {
					this.pollInFlight = false;
					if (this.closing) {
						return;
					}
				}
				if (failure != null) {
					fail("poll", failure);
					return;
				}
				try {
					deliver(EngineCodec.decodePayload(body));
				}
				catch (ProtocolException ex) {
					fail("poll", ex);
					return;
				}
				if (!checkPaused()) {
					poll();
				}
			});
		}

		@Override
		public void send(String text) {
			enqueue(text);
		}

		@Override
		public void send(byte[] bytes) {
			enqueue(bytes);
		}

		private void enqueue(Object frame) {
			synchronized (this) {
				if (this.closed || this.closing) {
					return;
				}
				this.queue.add(frame);
			}
			flush();
		}

		private void flush() {
			List<EnginePacket> batch;
			synchronized (this) {
				if (this.closed || this.postInFlight || this.sid == null) {
					return;
				}
				if (this.queue.isEmpty()) {
					if (this.closing) {
						this.postInFlight = true;
						sendClosePacket();
					}
					return;
				}
				batch = takeBatch();
				this.postInFlight = true;
			}
			HttpRequest post = request(HttpRequest.BodyPublishers.ofString(EngineCodec.encodePayload(batch),
					StandardCharsets.UTF_8), POST_TIMEOUT);
			send(post, false).whenComplete((body, failure) -> {
				synchronized (this) {
					this.postInFlight = false;
				}
				if (failure != null) {
					fail("post", failure);
					return;
				}
				flush();
				checkPaused();
			});
		}

		/**
		 * Takes the queued packets that fit in the server's maxPayload, at most 16: at least one.
		 */
		private List<EnginePacket> takeBatch() {
			List<EnginePacket> batch = new ArrayList<>();
			long size = 0;
			while (!this.queue.isEmpty()) {
				Object frame = this.queue.get(0);
				EnginePacket packet = (frame instanceof String text) ? EngineCodec.decode(text)
						: EnginePacket.binaryMessage((byte[]) frame);
				long packetSize = (frame instanceof String text) ? EngineCodec.utf8Length(text)
						: 1 + 4 * ((((byte[]) frame).length + 2) / 3L);
				if (batch.size() == MAX_PACKETS_PER_POST
						|| (!batch.isEmpty() && this.maxPayload > 0 && size + packetSize + 1 > this.maxPayload)) {
					break;
				}
				size += packetSize + 1;
				batch.add(packet);
				this.queue.remove(0);
			}
			return batch;
		}

		@Override
		public CompletableFuture<Void> pause() {
			CompletableFuture<Void> result;
			synchronized (this) {
				if (this.paused == null) {
					this.paused = new CompletableFuture<>();
				}
				result = this.paused;
			}
			checkPaused();
			return result;
		}

		private boolean checkPaused() {
			CompletableFuture<Void> done;
			synchronized (this) {
				done = this.paused;
				if (done == null || this.pollInFlight || this.postInFlight || !this.queue.isEmpty()) {
					return done != null;
				}
			}
			done.complete(null);
			return true;
		}

		@Override
		public void discard() {
			synchronized (this) {
				this.closed = true;
				this.queue.clear();
			}
			this.terminated.complete(null);
		}

		@Override
		public void close() {
			boolean handshaken;
			synchronized (this) {
				if (this.closed || this.closing) {
					return;
				}
				this.closing = true;
				handshaken = this.sid != null;
			}
			// The pending poll is left to finish: aborting it would close the session on the server
			// before the close packet arrives. The server answers it once the close packet is in.
			if (handshaken) {
				flush();
			}
			else {
				finish(true);
			}
			this.listener.onClose(false, "closed by the client", null);
		}

		/**
		 * Sends the close packet in a POST of its own once everything queued went out: the server
		 * handles the packets of one payload before the Socket.IO packets among them, so a
		 * DISCONNECT in the same payload would be lost.
		 */
		private void sendClosePacket() {
			send(request(HttpRequest.BodyPublishers.ofString(EngineCodec.encode(EnginePacket.CLOSE)), CLOSE_TIMEOUT), false)
				.whenComplete((body, failure) -> finish(failure != null));
		}

		/**
		 * Ends the session.
		 * @param abort whether to abort the requests still on their way, because the server stopped
		 * answering; a server that answers the close packet answers them too, and aborting one whose
		 * response is being handed over could close the pooled connection under the next request
		 */
		private void finish(boolean abort) {
			synchronized (this) {
				this.closed = true;
				this.queue.clear();
			}
			if (abort) {
				abortRequests();
			}
			this.terminated.complete(null);
		}

		/**
		 * Aborts what is still on its way, e.g. a poll that a server which stopped answering holds.
		 */
		private void abortRequests() {
			for (CompletableFuture<?> request : this.inFlight) {
				request.cancel(true);
			}
			this.inFlight.clear();
		}

		@Override
		public CompletableFuture<Void> terminated() {
			return this.terminated;
		}

		private void deliver(List<EnginePacket> packets) {
			for (EnginePacket packet : packets) {
				byte[] binary = packet.binary();
				if (binary != null) {
					this.listener.onBinary(binary);
				}
				else {
					this.listener.onText(EngineCodec.encode(packet));
				}
			}
		}

		private void fail(String what, Throwable failure) {
			synchronized (this) {
				if (this.closing) {
					finish(false);
				}
				if (this.closed || this.closing) {
					return;
				}
				this.closed = true;
				this.queue.clear();
			}
			this.terminated.complete(null);
			Throwable cause = Failures.unwrap(failure);
			this.listener.onClose(true, "Polling " + what + " failed: " + Redaction.text(cause.getMessage()), cause);
		}

		private HttpRequest get() {
			return request(null, Duration.ofMillis(this.pollTimeoutMillis));
		}

		private HttpRequest request(HttpRequest.@Nullable BodyPublisher body, @Nullable Duration timeout) {
			StringBuilder uri = new StringBuilder(this.request.uri().toString());
			uri.append("&t=").append(Long.toString(System.nanoTime(), 36)).append(this.requests.incrementAndGet());
			String id = this.sid;
			if (id != null) {
				uri.append("&sid=").append(id);
			}
			URI target = URI.create(uri.toString());
			HttpRequest.Builder builder = HttpRequest.newBuilder(target);
			this.request.headers().forEach((name, values) -> {
				if (!CookieHeader.NAME.equalsIgnoreCase(name)) {
					values.forEach((value) -> builder.header(name, value));
				}
			});
			String cookieHeader = CookieHeader.value(this.request.headers(), PollingConnector.this.cookies, target);
			if (cookieHeader != null) {
				builder.header(CookieHeader.NAME, cookieHeader);
			}
			if (timeout != null) {
				builder.timeout(timeout);
			}
			if (body != null) {
				builder.header("Content-Type", "text/plain;charset=UTF-8").POST(body);
			}
			return builder.build();
		}

		private CompletableFuture<String> send(HttpRequest request, boolean handshake) {
			if (logger.isTraceEnabled()) {
				logger.trace(request.method() + " " + Redaction.url(request.uri().toString()));
			}
			CompletableFuture<HttpResponse<String>> exchange = PollingConnector.this.http.sendAsync(request,
					(info) -> new LimitedBody(this.request.maxInboundMessageSize()));
			this.inFlight.add(exchange);
			exchange.whenComplete((response, failure) -> this.inFlight.remove(exchange));
			return exchange.thenApply((response) -> {
				storeCookies(response);
				if (response.statusCode() != 200) {
					throw new HttpStatusException(response.statusCode(), serverMessage(response.body()), handshake);
				}
				return response.body();
			});
		}

		private void storeCookies(HttpResponse<?> response) {
			for (String header : response.headers().allValues("Set-Cookie")) {
				try {
					for (HttpCookie cookie : HttpCookie.parse(header)) {
						PollingConnector.this.cookies.add(response.uri(), cookie);
					}
				}
				catch (IllegalArgumentException ex) {
					logger.debug("Ignoring an invalid Set-Cookie header");
				}
			}
		}

	}

	/**
	 * Reads a response body as UTF-8, failing once it is larger than the inbound limit instead of
	 * buffering without bound.
	 */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {

		private final long limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<String> body = new CompletableFuture<>();

		private Flow.@Nullable Subscription subscription;

		LimitedBody(long limit) {
			this.limit = limit;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				if (this.bytes.size() + (long) buffer.remaining() > this.limit) {
					Flow.Subscription current = this.subscription;
					if (current != null) {
						current.cancel();
					}
					logger.error("An inbound polling response exceeds max-inbound-message-size (" + this.limit
							+ " bytes); closing the connection");
					this.body.completeExceptionally(new IllegalStateException(
							"The response exceeds max-inbound-message-size (" + this.limit + " bytes)"));
					return;
				}
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				this.bytes.writeBytes(chunk);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.body.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.body.complete(this.bytes.toString(StandardCharsets.UTF_8));
		}

		@Override
		public CompletionStage<String> getBody() {
			return this.body;
		}

	}

	private static String serverMessage(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		Matcher matcher = ERROR_MESSAGE.matcher(body);
		String message = matcher.find() ? matcher.group(1) : body.strip();
		return (message.length() > 200) ? message.substring(0, 200) + "..." : message;
	}

	/**
	 * An HTTP status other than 200, with what the server said.
	 */
	static final class HttpStatusException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		HttpStatusException(int status, String serverMessage, boolean handshake) {
			super("HTTP " + status + ((handshake) ? " on the handshake" : "")
					+ (serverMessage.isEmpty() ? "" : ": " + serverMessage));
		}

	}

}
