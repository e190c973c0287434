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
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.springsocketio.client.ProtocolException;
import io.github.springsocketio.client.protocol.EngineCodec;
import io.github.springsocketio.client.protocol.EnginePacket;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The HTTP side: the handshake and the polls and posts of long-polling, and the WebSocket
 * upgrade, with engine.io's answers to requests it refuses.
 */
final class EngineServlet extends HttpServlet {

	private final transient Sessions sessions;

	EngineServlet(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (!"4".equals(request.getParameter("EIO"))) {
			refuse(response, 5, "Unsupported protocol version");
			return;
		}
		String transport = request.getParameter("transport");
		String sid = request.getParameter("sid");
		EngineSession session = (sid != null) ? this.sessions.get(sid) : null;
		if (sid != null && session == null) {
			refuse(response, 1, "Session ID unknown");
			return;
		}
		if ("websocket".equals(transport)) {
			webSocket(request, response, session);
		}
		else if ("polling".equals(transport)) {
			polling(request, response, session);
		}
		else {
			refuse(response, 0, "Transport unknown");
		}
	}

	private void webSocket(HttpServletRequest request, HttpServletResponse response, EngineSession session)
			throws ServletException, IOException {
		if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade")) || (session != null && !session.isPolling())) {
			refuse(response, 3, "Bad request");
			return;
		}
		Endpoint endpoint = new EngineWebSocket(this.sessions, handshake(request), session);
		ServerEndpointConfig config = ServerEndpointConfig.Builder.create(EngineWebSocket.class, EngineServer.PATH)
			.configurator(new ServerEndpointConfig.Configurator() {
				@Override
				public <T> T getEndpointInstance(Class<T> type) {
					return type.cast(endpoint);
				}

				/** No permessage-deflate, as Socket.IO servers by default: it costs more than it saves. */
				@Override
				public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
					return List.of();
				}
			})
			.build();
		ServerContainer container = (ServerContainer) getServletContext()
			.getAttribute(ServerContainer.class.getName());
		try {
			container.upgradeHttpToWebSocket(request, response, config, Map.of());
		}
		catch (jakarta.websocket.DeploymentException ex) {
			throw new ServletException(ex);
		}
	}

	private void polling(HttpServletRequest request, HttpServletResponse response, EngineSession session)
			throws IOException {
		if ("GET".equals(request.getMethod())) {
			AsyncContext poll = request.startAsync();
			poll.setTimeout(0);
			if (session == null) {
				this.sessions.open(handshake(request), new PollingChannel(this.sessions.options().maxPayload()), null)
					.poll(poll);
				return;
			}
			poll.addListener(new PollEnd(session));
			if (!session.poll(poll)) {
				refuse((HttpServletResponse) poll.getResponse(), 3, "Bad request");
				poll.complete();
				session.close();
			}
		}
		else if ("POST".equals(request.getMethod()) && session != null && session.isPolling()) {
			post(request, response, session);
		}
		else {
			refuse(response, 3, "Bad request");
		}
	}

	private void post(HttpServletRequest request, HttpServletResponse response, EngineSession session)
			throws IOException {
		int limit = this.sessions.options().maxPayload();
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(limit + 1);
		}
		if (body.length > limit) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			session.close();
			return;
		}
		List<EnginePacket> packets;
		try {
			String payload = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(body))
				.toString();
			packets = EngineCodec.decodePayload(payload);
		}
		catch (CharacterCodingException | ProtocolException ex) {
			refuse(response, 3, "Bad request");
			session.close();
			return;
		}
		response.setContentType("text/html");
		response.getWriter().write("ok");
		response.flushBuffer();
		for (EnginePacket packet : packets) {
			session.received(packet);
		}
	}

	private static HandshakeInfo handshake(HttpServletRequest request) {
		Map<String, String> query = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> query.put(name, values[0]));
		Map<String, List<String>> headers = new HashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(Collections.list(request.getHeaders(name))));
		}
		return new HandshakeInfo(query, headers);
	}

	private static void refuse(HttpServletResponse response, int code, String message) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("application/json");
		response.getWriter().write("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
		response.flushBuffer();
	}

	/** Forgets a poll that ended without an answer. */
	private record PollEnd(EngineSession session) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			this.session.pollEnded(event.getAsyncContext());
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			this.session.pollEnded(event.getAsyncContext());
		}

		@Override
		public void onError(AsyncEvent event) {
			this.session.pollEnded(event.getAsyncContext());
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
