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
package io.github.springsocketio.client;

import org.jspecify.annotations.Nullable;

/**
 * Watches what a client does, for metrics and tracing; added with
 * {@link SocketIoClient#observe(SocketIoClientObserver)}. Methods are called on the client's
 * I/O threads (handler timings on the handler thread): they must be quick and must not block. An
 * exception they throw is logged and otherwise ignored.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface SocketIoClientObserver {

	/**
	 * A namespace connected.
	 * @param namespace the namespace
	 */
	default void connected(String namespace) {
	}

	/**
	 * An attempt to connect a namespace failed.
	 * @param namespace the namespace
	 * @param failure why
	 */
	default void connectFailed(String namespace, SocketIoConnectException failure) {
	}

	/**
	 * A connected namespace disconnected.
	 * @param namespace the namespace
	 * @param reason why
	 */
	default void disconnected(String namespace, DisconnectReason reason) {
	}

	/**
	 * The client starts a reconnection attempt.
	 * @param attempt the attempt's number, from 1
	 */
	default void reconnectAttempt(int attempt) {
	}

	/**
	 * An event arrived, before interceptors and handlers saw it.
	 * @param namespace the namespace
	 * @param event the event's name
	 */
	default void eventReceived(String namespace, String event) {
	}

	/**
	 * An event was written to the connection.
	 * @param namespace the namespace
	 * @param event the event's name
	 */
	default void eventSent(String namespace, String event) {
	}

	/**
	 * The handlers of an event ran.
	 * @param namespace the namespace
	 * @param event the event's name
	 * @param nanos how long the interceptors and handlers took
	 * @param error the first exception a handler threw, or {@code null}
	 */
	default void handled(String namespace, String event, long nanos, @Nullable Throwable error) {
	}

	/**
	 * An emit that asked for an acknowledgement got it or timed out.
	 * @param namespace the namespace
	 * @param nanos the time from the emit to the acknowledgement or the timeout
	 * @param timedOut whether it timed out
	 */
	default void acknowledged(String namespace, long nanos, boolean timedOut) {
	}

	/**
	 * Socket.IO packets arrived: their text in UTF-8 plus their binary attachments.
	 * @param bytes the number of bytes
	 */
	default void bytesReceived(long bytes) {
	}

	/**
	 * Socket.IO packets were written: their text in UTF-8 plus their binary attachments.
	 * @param bytes the number of bytes
	 */
	default void bytesSent(long bytes) {
	}

	/**
	 * A received event was dropped before any handler saw it.
	 * @param namespace the namespace
	 * @param event the event's name
	 * @param reason why: {@code overflow} when the handlers were too far behind
	 * ({@link InboundOverflow}), {@code unreceived} when no handler took it and
	 * {@link SocketIoSocket#receive(java.time.Duration)} kept newer ones
	 * @since 0.2.0
	 */
	default void eventDropped(String namespace, String event, String reason) {
	}

}
