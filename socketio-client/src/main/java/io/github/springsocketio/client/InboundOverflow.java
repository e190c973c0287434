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

/**
 * What a client does when the events waiting for a namespace's handlers reach
 * {@link SocketIoClient.Builder#maxPendingInboundEvents(int) the limit}.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public enum InboundOverflow {

	/**
	 * Stops reading from the connection until the handlers worked the backlog down to half the
	 * limit: nothing is lost, and the server's own buffering and heartbeat decide how long it
	 * waits. A WebSocket client that cannot stop reading (neither the JDK's nor Tomcat's) keeps
	 * reading: events beyond the limit plus 100,000 are then dropped as with {@link #DROP}.
	 */
	PAUSE,

	/**
	 * Drops the newest event: counted in the meter {@code socketio.client.events.dropped} (tag
	 * {@code reason} = {@code overflow}) and logged at WARN at most once a minute.
	 */
	DROP

}
