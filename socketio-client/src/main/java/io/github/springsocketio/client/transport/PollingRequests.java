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
import java.net.CookieStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.Redaction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP requests of one long-polling session: each with the session's query, a cache-busting
 * {@code t}, the session id once known, the handshake's headers and the stored cookies; responses
 * read within the inbound limit, their cookies stored, a status other than 200 failed. Requests
 * still on their way can be aborted, so that none outlives the session.
 */
final class PollingRequests {

	private static final Log logger = LogFactory.getLog(PollingRequests.class);

	/** How the JDK's HTTP client says that a connection closed before any byte of a response. */
	private static final String NO_ANSWER_MESSAGE = "header parser received no bytes";

	/** The type of a response in the binary payload format of Engine.IO 3. */
	private static final String BINARY_CONTENT_TYPE = "application/octet-stream";

	private final HttpClient http;

	private final CookieStore cookies;

	private final TransportRequest request;

	private final AtomicLong count = new AtomicLong();

	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	private volatile @Nullable String sid;

	private volatile boolean aborted;

	PollingRequests(HttpClient http, CookieStore cookies, TransportRequest request) {
		this.http = http;
		this.cookies = cookies;
		this.request = request;
	}

	/**
	 * Adds the session id to every later request.
	 * @param sid the session id
	 */
	void sessionId(String sid) {
		this.sid = sid;
	}

	/**
	 * Sends a GET: the handshake, or a poll.
	 * @param timeout how long the server may take
	 * @param handshake whether it is the handshake, for the failure's message
	 * @return the response body
	 */
	CompletableFuture<Body> get(Duration timeout, boolean handshake) {
		return send(() -> build(null, timeout), handshake);
	}

	/**
	 * Sends a POST.
	 * @param payload the body
	 * @param timeout how long the server may take
	 * @return the response body
	 */
	CompletableFuture<Body> post(String payload, Duration timeout) {
		return send(() -> build(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8), timeout), false);
	}

	/**
	 * Sends a request, once more when the connection it went out on was closed before any byte of
	 * an answer, as browsers do: netty-socketio announces {@code Connection: keep-alive} and closes
	 * the connection after each response, so a request can leave on a connection that is closing
	 * and never reach the server.
	 */
	private CompletableFuture<Body> send(Supplier<HttpRequest> request, boolean handshake) {
		return exchange(request.get(), handshake).exceptionallyCompose((failure) -> {
			if (this.aborted || !closedBeforeAnswering(failure)) {
				return CompletableFuture.failedFuture(failure);
			}
			logger.debug("The connection closed before answering; sending the request again");
			return exchange(request.get(), handshake);
		});
	}

	private static boolean closedBeforeAnswering(Throwable failure) {
		Throwable cause = Failures.unwrap(failure);
		return cause instanceof IOException && cause.getMessage() != null
				&& cause.getMessage().contains(NO_ANSWER_MESSAGE);
	}

	/**
	 * Aborts the requests still on their way.
	 */
	void abortAll() {
		this.aborted = true;
		for (CompletableFuture<?> exchange : this.inFlight) {
			exchange.cancel(true);
		}
		this.inFlight.clear();
	}

	private HttpRequest build(HttpRequest.@Nullable BodyPublisher body, Duration timeout) {
		StringBuilder uri = new StringBuilder(this.request.uri().toString());
		uri.append("&t=").append(Long.toString(System.nanoTime(), 36)).append(this.count.incrementAndGet());
		String id = this.sid;
		if (id != null) {
			uri.append("&sid=").append(id);
		}
		URI target = URI.create(uri.toString());
		HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout);
		this.request.headers().forEach((name, values) -> {
			if (!CookieHeader.NAME.equalsIgnoreCase(name)) {
				values.forEach((value) -> builder.header(name, value));
			}
		});
		String cookieHeader = CookieHeader.value(this.request.headers(), this.cookies, target);
		if (cookieHeader != null) {
			builder.header(CookieHeader.NAME, cookieHeader);
		}
		if (body != null) {
			builder.header("Content-Type", "text/plain;charset=UTF-8").POST(body);
		}
		return builder.build();
	}

	private CompletableFuture<Body> exchange(HttpRequest request, boolean handshake) {
		if (logger.isTraceEnabled()) {
			logger.trace(request.method() + " " + Redaction.url(request.uri().toString()));
		}
		CompletableFuture<HttpResponse<byte[]>> exchange = this.http.sendAsync(request,
				(info) -> new LimitedBody(this.request.maxInboundMessageSize()));
		this.inFlight.add(exchange);
		exchange.whenComplete((response, failure) -> this.inFlight.remove(exchange));
		return exchange.thenApply((response) -> {
			CookieHeader.store(this.cookies, response.uri(), response.headers().allValues(CookieHeader.SET_COOKIE));
			Body body = new Body(response.body(), response.headers()
				.firstValue("Content-Type")
				.filter((type) -> type.toLowerCase(Locale.ROOT).startsWith(BINARY_CONTENT_TYPE))
				.isPresent());
			if (response.statusCode() != 200) {
				throw new HttpStatusException(response.statusCode(), body.text(), handshake);
			}
			return body;
		});
	}

	/**
	 * A response body: text, or in the binary payload format.
	 *
	 * @param bytes the body
	 * @param binary whether the server sent it as {@value #BINARY_CONTENT_TYPE}
	 */
	record Body(byte[] bytes, boolean binary) {

		String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		/**
		 * The body as a payload's text: malformed UTF-8 is refused, as both WebSocket stacks
		 * refuse it in a text frame, rather than read as replacement characters.
		 * @throws ProtocolException when the body is not valid UTF-8
		 */
		String payloadText() {
			try {
				return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(this.bytes))
					.toString();
			}
			catch (CharacterCodingException ex) {
				throw new ProtocolException("A polling response is not valid UTF-8");
			}
		}

	}

}
