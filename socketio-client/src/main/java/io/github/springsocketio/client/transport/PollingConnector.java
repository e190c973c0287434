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
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.Redaction;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.concurrent.DeferredHandOffs;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.protocol.Handshake;
import org.jspecify.annotations.Nullable;

/**
 * HTTP long-polling transport on the JDK {@link HttpClient}: one GET in flight to receive, one
 * POST in flight beside it to send (packets queued meanwhile go in the next POST, split to respect
 * the server's {@code maxPayload}), cookies kept in the client's {@link CookieStore}.
 * <p>
 * Over 400 lines: the poll, the POST, the pause for an upgrade, paused reading and closing of one
 * session share its state and its lock; the HTTP exchanges themselves are {@link PollingRequests}.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class PollingConnector implements TransportConnector {

	private static final Frame PONG = new Frame.Text(EngineCodec.encode(EnginePacket.PONG));

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

		private final PollingRequests requests;

		private final Deque<Frame> queue = new ArrayDeque<>();

		/** The size of what {@link #queue} holds; changed with it. */
		private volatile long queuedBytes;

		private final CompletableFuture<Void> terminated = new CompletableFuture<>();

		private @Nullable String sid;

		private long maxPayload;

		private boolean closed;

		private boolean closing;

		private boolean pollInFlight;

		private boolean postInFlight;

		private @Nullable CompletableFuture<Void> paused;

		private boolean readingPaused;

		/** How long a poll may be held: the server's ping interval and timeout, and some. */
		private Duration pollTimeout = HANDSHAKE_TIMEOUT;

		Polling(TransportRequest request, TransportListener listener) {
			this.request = request;
			this.listener = listener;
			this.requests = new PollingRequests(PollingConnector.this.http, PollingConnector.this.cookies, request);
		}

		@Override
		public Transport kind() {
			return Transport.POLLING;
		}

		/**
		 * Sends the handshake request and hands what the server answered to the listener; the
		 * session polls once it is told the handshake ({@link #handshaken}).
		 */
		CompletableFuture<TransportConnection> handshake() {
			return this.requests.get(HANDSHAKE_TIMEOUT, true).thenApply((body) -> {
				deliver(decode(body));
				return this;
			});
		}

		@Override
		public void handshaken(Handshake handshake) {
			synchronized (this) {
				if (this.sid != null) {
					return;
				}
				this.sid = handshake.sid();
				this.requests.sessionId(handshake.sid());
				this.maxPayload = handshake.maxPayload();
				this.pollTimeout = Duration.ofMillis(handshake.pingInterval() + handshake.pingTimeout())
					.plus(POLL_TIMEOUT_MARGIN);
			}
			flush();
			poll();
		}

		private void poll() {
			Duration timeout;
			synchronized (this) {
				if (this.closed || this.closing || this.paused != null || this.pollInFlight || this.readingPaused
						|| this.sid == null) {
					return;
				}
				this.pollInFlight = true;
				timeout = this.pollTimeout;
			}
			this.requests.get(timeout, false).whenComplete((body, failure) -> {
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
					deliver(decode(body));
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
			enqueue(new Frame.Text(text));
		}

		@Override
		public void send(byte[] bytes) {
			enqueue(new Frame.Binary(bytes));
		}

		private void enqueue(Frame frame) {
			synchronized (this) {
				if (this.closed || this.closing) {
					return;
				}
				if (PONG.equals(frame) && PONG.equals(this.queue.peekLast())) {
					// One pong answers any number of pings: a payload of pings costs one.
					return;
				}
				this.queue.add(frame);
				this.queuedBytes += frame.size();
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
			this.requests.post(this.request.protocol().encodePayload(batch), POST_TIMEOUT).whenComplete((body, failure) -> {
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
				EnginePacket packet = (this.queue.peek() instanceof Frame.Text text) ? EngineCodec.decode(text.text())
						: EnginePacket.binaryMessage(((Frame.Binary) this.queue.peek()).bytes());
				long packetSize = this.request.protocol().payloadSize(packet);
				if (batch.size() == MAX_PACKETS_PER_POST
						|| (!batch.isEmpty() && this.maxPayload > 0 && size + packetSize > this.maxPayload)) {
					break;
				}
				size += packetSize;
				batch.add(packet);
				this.queuedBytes -= this.queue.poll().size();
			}
			return batch;
		}

		@Override
		public long queuedBytes() {
			return this.queuedBytes;
		}

		@Override
		public void pauseReading(boolean paused) {
			synchronized (this) {
				this.readingPaused = paused;
			}
			if (!paused) {
				poll();
			}
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
				this.queuedBytes = 0;
			}
			this.terminated.complete(null);
		}

		/**
		 * Sends no close packet of its own: it would only reach a server that no longer knows the
		 * session (HTTP 400), or, behind a load balancer, a node that never knew it.
		 */
		@Override
		public void closeAfterServerClose() {
			discard();
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
			String closePacket = this.request.protocol().encodePayload(List.of(EnginePacket.CLOSE));
			this.requests.post(closePacket, CLOSE_TIMEOUT).whenComplete((body, failure) -> finish(failure != null));
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
				this.queuedBytes = 0;
			}
			if (abort) {
				this.requests.abortAll();
			}
			this.terminated.complete(null);
		}

		@Override
		public CompletableFuture<Void> terminated() {
			return this.terminated;
		}

		private List<EnginePacket> decode(PollingRequests.Body body) {
			EngineProtocol protocol = this.request.protocol();
			return body.binary() ? protocol.decodeBinaryPayload(body.bytes()) : protocol.decodePayload(body.payloadText());
		}

		/** The packets of one response hand their events on to the handlers together. */
		private void deliver(List<EnginePacket> packets) {
			DeferredHandOffs.begin();
			try {
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
			finally {
				DeferredHandOffs.end();
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
				this.queuedBytes = 0;
			}
			this.terminated.complete(null);
			Throwable cause = Failures.unwrap(failure);
			this.listener.onClose(true, "Polling " + what + " failed: " + Redaction.text(Failures.describe(cause)), cause);
		}

	}

}
