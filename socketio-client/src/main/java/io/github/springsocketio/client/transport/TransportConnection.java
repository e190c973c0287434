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

import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.protocol.Handshake;

/**
 * An open transport connection. Sending never blocks: frames are queued and written in order.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface TransportConnection {

	/**
	 * The kind of transport.
	 * @return the kind
	 */
	Transport kind();

	/**
	 * Queues a text frame.
	 * @param text the frame
	 */
	void send(String text);

	/**
	 * Queues a binary frame.
	 * @param bytes the frame
	 */
	void send(byte[] bytes);

	/**
	 * Tells the connection what the server's handshake said, once it is known, which long-polling
	 * needs to go on: its session id, message size limit and how long a poll may be held.
	 * @param handshake the handshake
	 */
	default void handshaken(Handshake handshake) {
	}

	/**
	 * Closes the connection after the queued frames. The listener's {@code onClose} follows.
	 */
	void close();

	/**
	 * What was handed to {@link #send} but is not yet on its way to the network: characters of
	 * text and bytes of binary messages; any thread.
	 * @return the size
	 */
	default long queuedBytes() {
		return 0;
	}

	/**
	 * Stops reading from the server, or reads again: the application's handlers fell behind. What
	 * the server sends meanwhile waits in the network's and the server's buffers. A transport that
	 * cannot stop reading ignores this.
	 * @param paused whether to stop reading
	 */
	default void pauseReading(boolean paused) {
	}

	/**
	 * Stops reading and lets what is in flight finish, so that another transport can take over
	 * (Engine.IO upgrade). Only HTTP long-polling can pause.
	 * @return completes when nothing is in flight any more
	 */
	default CompletableFuture<Void> pause() {
		return CompletableFuture.failedFuture(new UnsupportedOperationException(kind() + " cannot pause"));
	}

	/**
	 * Ends the connection after the server's close packet: the session is over on the server, so
	 * nothing more is sent for it. The listener is not told; the caller knows.
	 */
	default void closeAfterServerClose() {
		close();
	}

	/**
	 * Drops the connection without closing the Engine.IO session and without telling the
	 * listener, once another transport has taken over.
	 */
	default void discard() {
		close();
	}

	/**
	 * Completes when the connection is closed at the network level too, e.g. after the WebSocket
	 * closing handshake, so that its resources can be released.
	 * @return the future
	 */
	CompletableFuture<Void> terminated();

}
