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

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.springsocketio.client.protocol.EnginePacketType;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.transport.Frame;

/**
 * How a session knows that the other side is alive. Which side pings is the protocol revision's
 * choice ({@link EngineProtocol#clientPings()}). A session whose heartbeat expired closes with
 * {@code ping timeout}; a send checks it too, so that nothing is written to a dead connection after
 * this JVM was paused. Touched on the session's serial executor only.
 */
interface Heartbeat {

	/**
	 * The heartbeat of a protocol revision.
	 * @param protocol the revision
	 * @param session what the heartbeat needs of its session
	 * @return the heartbeat, not started
	 */
	static Heartbeat of(EngineProtocol protocol, Session session) {
		return protocol.clientPings() ? new ClientPings(session) : new ServerPings(session);
	}

	/**
	 * Starts, once the handshake arrived.
	 * @param pingInterval the handshake's ping interval in milliseconds
	 * @param pingTimeout the handshake's ping timeout in milliseconds
	 */
	void start(long pingInterval, long pingTimeout);

	/**
	 * A PING or a PONG arrived.
	 * @param type which
	 */
	void received(EnginePacketType type);

	/**
	 * Whether the other side is overdue.
	 * @return whether it is
	 */
	boolean isExpired();

	/**
	 * Why the other side is overdue, for the close.
	 * @return the description
	 */
	String overdue();

	/**
	 * Stops the timers.
	 */
	void stop();

	/**
	 * What a heartbeat needs of its session.
	 *
	 * @param scheduler runs the timers
	 * @param serial the session's serial executor
	 * @param send sends a frame on the session
	 * @param writable whether a frame sent now goes out at once, rather than after an upgrade
	 * @param expired runs on the serial executor when the other side is overdue
	 */
	record Session(ScheduledExecutorService scheduler, Executor serial, Consumer<Frame> send, BooleanSupplier writable,
			Runnable expired) {

	}

}
