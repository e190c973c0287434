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
package io.github.springsocketio.test.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.EnginePacketType;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The long-polling side of a session: packets wait in a queue until the client's next GET, which
 * is held until there is something to answer. Confined to its session's lock.
 */
final class PollingChannel {

	private static final EnginePacket NOOP = new EnginePacket(EnginePacketType.NOOP, null, null);

	private final Deque<EnginePacket> queue = new ArrayDeque<>();

	private final long maxResponseBytes;

	private @Nullable AsyncContext heldPoll;

	PollingChannel(long maxResponseBytes) {
		this.maxResponseBytes = maxResponseBytes;
	}

	boolean isPolling() {
		return this.heldPoll != null;
	}

	/**
	 * Answers the poll at once when packets wait, or holds it until some do.
	 */
	void poll(AsyncContext poll) throws IOException {
		this.heldPoll = poll;
		flush();
	}

	void enqueue(List<EnginePacket> packets) throws IOException {
		this.queue.addAll(packets);
		flush();
	}

	/**
	 * Ends a held poll with a noop: so that the client can pause polling for the upgrade, and, once
	 * upgraded, so that a poll still held ends without closing anything.
	 */
	void answerWithNoop() throws IOException {
		AsyncContext poll = this.heldPoll;
		if (poll != null) {
			this.heldPoll = null;
			respond(poll, List.of(NOOP));
		}
	}

	/**
	 * Hands the packets not yet polled to the transport that replaces this one.
	 */
	List<EnginePacket> drain() {
		List<EnginePacket> packets = new ArrayList<>(this.queue);
		this.queue.clear();
		return packets;
	}

	/** Ends a held poll with a close packet. */
	void close() {
		AsyncContext poll = this.heldPoll;
		this.heldPoll = null;
		this.queue.clear();
		if (poll != null) {
			try {
				respond(poll, List.of(EnginePacket.CLOSE));
			}
			catch (IOException | RuntimeException ex) {
				// The client is gone already.
			}
		}
	}

	/** Forgets a poll whose request ended without an answer, e.g. the client went away. */
	void abandon(AsyncContext poll) {
		if (this.heldPoll == poll) {
			this.heldPoll = null;
		}
	}

	private void flush() throws IOException {
		AsyncContext poll = this.heldPoll;
		if (poll == null || this.queue.isEmpty()) {
			return;
		}
		this.heldPoll = null;
		List<EnginePacket> packets = new ArrayList<>();
		long size = 0;
		while (!this.queue.isEmpty()) {
			EnginePacket next = this.queue.peek();
			long nextSize = (next.binary() != null) ? next.binary().length * 4L / 3 + 4
					: EngineCodec.utf8Length(EngineCodec.encode(next)) + 1;
			if (!packets.isEmpty() && size + nextSize > this.maxResponseBytes) {
				break;
			}
			packets.add(this.queue.poll());
			size += nextSize;
		}
		respond(poll, packets);
	}

	private static void respond(AsyncContext poll, List<EnginePacket> packets) throws IOException {
		try {
			HttpServletResponse response = (HttpServletResponse) poll.getResponse();
			byte[] body = EngineCodec.encodePayload(packets).getBytes(StandardCharsets.UTF_8);
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType("text/plain; charset=UTF-8");
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
		finally {
			poll.complete();
		}
	}

}
