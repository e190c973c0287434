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
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads a response body, failing once it is larger than the inbound limit instead of buffering
 * without bound.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

	private static final Log logger = LogFactory.getLog(LimitedBody.class);

	private final long limit;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> body = new CompletableFuture<>();

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
		this.body.complete(this.bytes.toByteArray());
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.body;
	}

}
