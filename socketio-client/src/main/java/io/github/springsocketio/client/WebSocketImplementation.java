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
 * The WebSocket stack a client's WebSocket transport runs on. Unless one is chosen, {@link #NETTY}
 * where Netty is on the class path (with its proxy handlers, if the client has a proxy),
 * {@link #JDK} otherwise.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public enum WebSocketImplementation {

	/** The JDK's {@code java.net.http.WebSocket}, on the HTTP client that long-polling uses too. */
	JDK,

	/**
	 * spring-websocket's {@code WebSocketClient}: by default the JSR-356
	 * {@code StandardWebSocketClient} on Tomcat, or the one given to the builder.
	 */
	SPRING,

	/**
	 * Netty's WebSocket client ({@code io.netty:netty-codec-http} on the class path), on event
	 * loops that every client of the JVM shares, one thread per core. Through a proxy with
	 * {@code io.netty:netty-handler-proxy} on the class path.
	 */
	NETTY

}
