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
package io.github.springsocketio.client.engine;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.EnginePacket;
import io.github.springsocketio.client.protocol.EnginePacketType;
import io.github.springsocketio.client.transport.Frame;
import org.jspecify.annotations.Nullable;

/**
 * The heartbeat when the server pings (Engine.IO 4): each ping is answered with a pong, and the
 * server is overdue once no ping came within ping interval plus ping timeout.
 */
final class ServerPings implements Heartbeat {

	private static final Frame PONG = new Frame.Text(EngineCodec.encode(EnginePacket.PONG));

	private final Session session;

	private long timeoutMillis;

	private long deadline;

	private @Nullable ScheduledFuture<?> timer;

	ServerPings(Session session) {
		this.session = session;
	}

	@Override
	public void start(long pingInterval, long pingTimeout) {
		this.timeoutMillis = pingInterval + pingTimeout;
		rearm();
	}

	@Override
	public void received(EnginePacketType type) {
		if (type == EnginePacketType.PING) {
			this.session.send().accept(PONG);
			rearm();
		}
	}

	private void rearm() {
		this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.timeoutMillis);
		cancel();
		this.timer = this.session.scheduler().schedule(() -> this.session.serial().execute(() -> {
			if (isExpired()) {
				this.session.expired().run();
			}
		}), this.timeoutMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public boolean isExpired() {
		return this.timer != null && System.nanoTime() - this.deadline >= 0;
	}

	@Override
	public String overdue() {
		return "No ping from the server within pingInterval + pingTimeout";
	}

	@Override
	public void stop() {
		cancel();
	}

	private void cancel() {
		ScheduledFuture<?> current = this.timer;
		if (current != null) {
			current.cancel(false);
			this.timer = null;
		}
	}

}
