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
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The floor of the JDK's WebSocket ({@code java.net.http}): one shared {@code HttpClient} on a
 * bounded executor; the JDK allows one send in flight, so frames queue and whichever thread
 * finds the queue idle sends them, looping while sends complete at once.
 */
final class JdkRawClient extends RawSocketIo implements WebSocket.Listener {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.executor(Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "jdk-raw");
			thread.setDaemon(true);
			return thread;
		}))
		.build();

	/** Stands for the close frame in the outbox, which goes after the frames before it. */
	private static final String CLOSE = new String("close");

	private final Queue<String> outbox = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sending = new AtomicBoolean();

	private final StringBuilder fragments = new StringBuilder();

	private volatile WebSocket socket;

	static CompletableFuture<BenchClient> connect(String url, boolean polling) {
		if (polling) {
			return CompletableFuture.failedFuture(new UnsupportedOperationException("WebSocket only"));
		}
		JdkRawClient client = new JdkRawClient();
		HTTP.newWebSocketBuilder().buildAsync(URI.create(webSocketUrl(url)), client).whenComplete((socket, failure) -> {
			if (failure != null) {
				client.failed(failure);
			}
		});
		return client.connected;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		if (last && this.fragments.isEmpty()) {
			received(data.toString());
		}
		else {
			this.fragments.append(data);
			if (last) {
				String frame = this.fragments.toString();
				this.fragments.setLength(0);
				received(frame);
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		failed(new IllegalStateException("closed: " + statusCode));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		failed(error);
	}

	@Override
	void send(String text) {
		this.outbox.add(text);
		drain();
	}

	private void drain() {
		while (this.sending.compareAndSet(false, true)) {
			String next = this.outbox.poll();
			if (next == null) {
				this.sending.set(false);
				if (this.outbox.isEmpty()) {
					return;
				}
				continue;
			}
			CompletableFuture<WebSocket> sent = (next == CLOSE) ? this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
					: this.socket.sendText(next, true);
			if (!sent.isDone()) {
				sent.whenComplete((socket, failure) -> {
					this.sending.set(false);
					drain();
				});
				return;
			}
			this.sending.set(false);
		}
	}

	@Override
	void closeWebSocket() {
		send(CLOSE);
	}

}
