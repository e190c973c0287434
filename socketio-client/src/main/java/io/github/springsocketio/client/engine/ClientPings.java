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
 * The heartbeat when the client pings (Engine.IO 3): a ping every ping interval, and the server is
 * overdue once a ping went unanswered for the ping timeout. No ping is sent while an upgrade holds
 * what is sent: its pong could not come back in time, and the server waits for that as well.
 */
final class ClientPings implements Heartbeat {

	static final Frame PING = new Frame.Text(
			EngineCodec.encode(new EnginePacket(EnginePacketType.PING, null, null)));

	private final Session session;

	private long timeoutMillis;

	/** When the pong of the ping in flight is due; meaningful while {@link #awaiting}. */
	private long deadline;

	private boolean awaiting;

	private @Nullable ScheduledFuture<?> pings;

	ClientPings(Session session) {
		this.session = session;
	}

	@Override
	public void start(long pingInterval, long pingTimeout) {
		this.timeoutMillis = pingTimeout;
		this.pings = this.session.scheduler()
			.scheduleWithFixedDelay(() -> this.session.serial().execute(this::ping), pingInterval, pingInterval,
					TimeUnit.MILLISECONDS);
	}

	private void ping() {
		if (this.pings == null) {
			return;
		}
		if (isExpired()) {
			this.session.expired().run();
			return;
		}
		if (!this.session.writable().getAsBoolean()) {
			return;
		}
		this.session.send().accept(PING);
		if (!this.awaiting) {
			this.awaiting = true;
			this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.timeoutMillis);
			this.session.scheduler().schedule(() -> this.session.serial().execute(() -> {
				if (this.pings != null && isExpired()) {
					this.session.expired().run();
				}
			}), this.timeoutMillis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void received(EnginePacketType type) {
		if (type == EnginePacketType.PONG) {
			this.awaiting = false;
		}
	}

	@Override
	public boolean isExpired() {
		return this.awaiting && System.nanoTime() - this.deadline >= 0;
	}

	@Override
	public String overdue() {
		return "No pong from the server within pingTimeout";
	}

	@Override
	public void stop() {
		ScheduledFuture<?> current = this.pings;
		if (current != null) {
			current.cancel(false);
			this.pings = null;
		}
	}

}
