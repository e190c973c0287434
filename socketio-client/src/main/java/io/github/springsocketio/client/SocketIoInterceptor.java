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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Middleware around a client's traffic: inbound events, outbound emits and connect attempts.
 * Every method has a default that changes nothing. Interceptors run in the order they were added.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface SocketIoInterceptor {

	/**
	 * Called on the handler thread before an event's handlers.
	 * @param event the event
	 * @return the event to handle, possibly changed, or {@code null} to drop it
	 */
	default @Nullable InboundEvent beforeHandle(InboundEvent event) {
		return event;
	}

	/**
	 * Called on the handler thread after an event's handlers.
	 * @param event the event
	 * @param error what a handler threw, or {@code null} on success
	 */
	default void afterHandle(InboundEvent event, @Nullable Throwable error) {
	}

	/**
	 * Called on the emitting thread before an event is sent or buffered.
	 * @param event the event
	 * @return the event to send, possibly changed, or {@code null} to veto it
	 */
	default @Nullable OutboundEvent beforeSend(OutboundEvent event) {
		return event;
	}

	/**
	 * Called before each connection attempt opens its transport.
	 * @param request the handshake, whose headers and query may be changed
	 */
	default void beforeHandshake(HandshakeRequest request) {
	}

	/**
	 * Called before a namespace's CONNECT packet is sent.
	 * @param namespace the namespace
	 * @param auth the auth payload so far (empty for none)
	 * @return the auth payload to send
	 */
	default Map<String, ?> beforeConnect(String namespace, Map<String, ?> auth) {
		return auth;
	}

}
