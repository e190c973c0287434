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

import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * The default clients of the {@code SPRING} WebSocket stack: spring-websocket's
 * {@link StandardWebSocketClient} over one shared JSR-356 container. A JSR-356 implementation is
 * optional on the class path (servlet applications have Tomcat's): only {@link #create()} needs
 * one, and {@link #isAvailable()} tells whether its API is there.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class StandardWebSocketClients {

	/** What to do when the {@code SPRING} stack is asked for without a JSR-356 implementation. */
	public static final String MISSING = "The SPRING WebSocket stack needs a JSR-356 WebSocket client on the class path: "
			+ "add org.apache.tomcat.embed:tomcat-embed-websocket, pass a WebSocketClient of your own, "
			+ "or use WebSocketImplementation.JDK (which needs nothing more)";

	private static final boolean TOMCAT = ClassUtils.isPresent("org.apache.tomcat.websocket.WsWebSocketContainer",
			StandardWebSocketClients.class.getClassLoader());

	/** Tomcat pre-allocates these per connection; fragments beyond them arrive as partial messages. */
	private static final int SMALL_BUFFER = 16 * 1024;

	/** How long Tomcat waits for the server to answer a close, in milliseconds. */
	private static final long SESSION_CLOSE_TIMEOUT = 1000;

	private final WebSocketContainer container;

	private StandardWebSocketClients(WebSocketContainer container) {
		this.container = container;
	}

	/**
	 * Whether a JSR-356 API is on the class path; its implementation is looked up on
	 * {@link #create()}.
	 * @return whether this class can be used
	 */
	public static boolean isAvailable() {
		return ClassUtils.isPresent("jakarta.websocket.ContainerProvider", StandardWebSocketClients.class.getClassLoader());
	}

	/**
	 * Creates the shared container.
	 * @return the clients' factory
	 * @throws IllegalStateException when no JSR-356 implementation is found
	 */
	public static StandardWebSocketClients create() {
		WebSocketContainer container;
		try {
			container = ContainerProvider.getWebSocketContainer();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(MISSING, ex);
		}
		container.setDefaultMaxTextMessageBufferSize(SMALL_BUFFER);
		container.setDefaultMaxBinaryMessageBufferSize(SMALL_BUFFER);
		if (TOMCAT && container instanceof WsWebSocketContainer tomcat) {
			// Check every second for sessions whose close was not answered (see SESSION_CLOSE_TIMEOUT).
			tomcat.setProcessPeriod(1);
		}
		return new StandardWebSocketClients(container);
	}

	/**
	 * A client over the shared container.
	 * @param executor runs the connects
	 * @param sslContext the TLS context, or {@code null} for the default
	 * @return the client
	 */
	public WebSocketClient newClient(Executor executor, @Nullable SSLContext sslContext) {
		StandardWebSocketClient client = new StandardWebSocketClient(this.container);
		client.setTaskExecutor(new TaskExecutorAdapter(executor));
		client.getUserProperties().put("org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT", SESSION_CLOSE_TIMEOUT);
		// Tomcat follows redirects, sending the headers (Authorization, cookies) to wherever they lead;
		// the JDK's clients do not follow them either.
		client.getUserProperties().put("org.apache.tomcat.websocket.MAX_REDIRECTIONS", "0");
		if (sslContext != null) {
			client.setSslContext(sslContext);
		}
		return client;
	}

	/**
	 * Stops the container's threads, where it has any of its own.
	 */
	public void destroy() {
		if (TOMCAT && this.container instanceof WsWebSocketContainer tomcat) {
			tomcat.destroy();
		}
	}

	/**
	 * Whether a WebSocket client of the application uses a TLS context: only a
	 * {@link StandardWebSocketClient} tells.
	 * @param client the client
	 * @param sslContext the context
	 * @return whether it is the client's context
	 */
	public static boolean usesSslContext(WebSocketClient client, SSLContext sslContext) {
		return isAvailable() && client instanceof StandardWebSocketClient standard
				&& standard.getSslContext() == sslContext;
	}

	/**
	 * Stops or resumes reading from a Tomcat session; other JSR-356 sessions cannot.
	 * @param nativeSession the JSR-356 session
	 * @param paused whether to stop reading
	 * @return whether the session was a Tomcat session
	 */
	static boolean pauseReading(@Nullable Object nativeSession, boolean paused) {
		if (TOMCAT && nativeSession instanceof org.apache.tomcat.websocket.WsSession session) {
			if (paused) {
				session.suspend();
			}
			else {
				session.resume();
			}
			return true;
		}
		return false;
	}

	/**
	 * Whether Tomcat still waits for the server's answer to a close it sent.
	 * @param nativeSession the JSR-356 session
	 * @return whether the session is closing but not closed
	 */
	static boolean isClosing(@Nullable Object nativeSession) {
		return TOMCAT && nativeSession instanceof org.apache.tomcat.websocket.WsSession session && !session.isClosed();
	}

}
