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
package io.github.springsocketio.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.client.InboundOverflow;
import io.github.springsocketio.client.ProtocolVersion;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.WebSocketImplementation;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/*
 * Over 400 lines: one documented field, getter and setter per YAML key, as the configuration
 * metadata needs them.
 */
/**
 * Configuration properties of the Socket.IO clients: the primary client under
 * {@code socketio.client} and further clients under {@code socketio.clients.<name>}, which
 * inherit every key they leave unset from the primary client.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@ConfigurationProperties("socketio")
public class SocketIoProperties {

	/**
	 * The primary client, bean "socketIoClient".
	 */
	@NestedConfigurationProperty
	private Client client = new Client();

	/**
	 * Further clients by name, bean "<name>SocketIoClient"; unset keys inherit from socketio.client.
	 */
	private Map<String, Client> clients = new LinkedHashMap<>();

	/**
	 * Micrometer meters of the clients.
	 */
	private final Metrics metrics = new Metrics();

	public Client getClient() {
		return this.client;
	}

	public void setClient(Client client) {
		this.client = client;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, Client> clients) {
		this.clients = clients;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * Micrometer meters of the clients.
	 */
	public static class Metrics {

		/**
		 * How many distinct event names per client become "event" tags; later names are
		 * counted as "other".
		 */
		private int maxEventTags = 100;

		public int getMaxEventTags() {
			return this.maxEventTags;
		}

		public void setMaxEventTags(int maxEventTags) {
			this.maxEventTags = maxEventTags;
		}

	}

	/**
	 * The settings of one client.
	 */
	public static class Client {

		/**
		 * URL of the Socket.IO server (http, https, ws or wss).
		 */
		private @Nullable String url;

		/**
		 * Whether to create the client.
		 */
		private boolean enabled = true;

		/**
		 * Engine.IO path of the server.
		 */
		private String path = "/socket.io";

		/**
		 * Namespaces joined at connect; namespaces named by listeners and emitters are added.
		 */
		private List<String> namespaces = new ArrayList<>(List.of("/"));

		/**
		 * Transports to try, in order.
		 */
		private List<Transport> transports = new ArrayList<>(List.of(Transport.WEBSOCKET, Transport.POLLING));

		/**
		 * Whether to upgrade from HTTP long-polling to WebSocket.
		 */
		private boolean upgrade = true;

		/**
		 * WebSocket stack of the WebSocket transport: the JDK's WebSocket, spring-websocket's
		 * client on Tomcat, or Netty's WebSocket client. By default Netty's when it is on the
		 * class path (with its proxy handlers if a proxy is set), the JDK's otherwise.
		 */
		private @Nullable WebSocketImplementation websocketImplementation;

		/**
		 * Socket.IO protocol revision: 'auto' finds out whether the server is a Socket.IO
		 * 1.x/2.x server (v4) or a later one (v5).
		 */
		private ProtocolVersion protocol = ProtocolVersion.AUTO;

		/**
		 * Whether to connect when the application context starts.
		 */
		private boolean autoConnect = true;

		/**
		 * Whether startup fails when the first connect fails.
		 */
		private boolean failFast = false;

		/**
		 * How long a connect may take.
		 */
		private Duration connectTimeout = Duration.ofSeconds(20);

		/**
		 * How long an acknowledgement may take.
		 */
		private Duration ackTimeout = Duration.ofSeconds(10);

		/**
		 * How often an emit is sent again after its ack timed out.
		 */
		private int retries = 0;

		/**
		 * Auth payload of every namespace's CONNECT packet.
		 */
		private Map<String, String> auth = new LinkedHashMap<>();

		/**
		 * HTTP headers of every request, the WebSocket handshake included.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Query parameters of every request.
		 */
		private Map<String, String> query = new LinkedHashMap<>();

		/**
		 * Reconnection after a lost connection.
		 */
		@NestedConfigurationProperty
		private Reconnection reconnection = new Reconnection();

		/**
		 * Emits that wait: for a connection, or to be written to it.
		 */
		@NestedConfigurationProperty
		private SendBuffer sendBuffer = new SendBuffer();

		/**
		 * Received events that wait for the handlers.
		 */
		@NestedConfigurationProperty
		private Inbound inbound = new Inbound();

		/**
		 * Largest inbound message; a larger one closes the connection.
		 */
		private DataSize maxInboundMessageSize = DataSize.ofMegabytes(16);

		/**
		 * TLS settings.
		 */
		@NestedConfigurationProperty
		private Ssl ssl = new Ssl();

		/**
		 * How long shutdown waits for the send buffer to be flushed.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(5);

		/**
		 * Whether to enable observation of emits and handlings.
		 */
		private boolean observationEnabled = false;

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public List<String> getNamespaces() {
			return this.namespaces;
		}

		public void setNamespaces(List<String> namespaces) {
			this.namespaces = namespaces;
		}

		public List<Transport> getTransports() {
			return this.transports;
		}

		public void setTransports(List<Transport> transports) {
			this.transports = transports;
		}

		public boolean isUpgrade() {
			return this.upgrade;
		}

		public void setUpgrade(boolean upgrade) {
			this.upgrade = upgrade;
		}

		public @Nullable WebSocketImplementation getWebsocketImplementation() {
			return this.websocketImplementation;
		}

		public void setWebsocketImplementation(@Nullable WebSocketImplementation websocketImplementation) {
			this.websocketImplementation = websocketImplementation;
		}

		public ProtocolVersion getProtocol() {
			return this.protocol;
		}

		public void setProtocol(ProtocolVersion protocol) {
			this.protocol = protocol;
		}

		public boolean isAutoConnect() {
			return this.autoConnect;
		}

		public void setAutoConnect(boolean autoConnect) {
			this.autoConnect = autoConnect;
		}

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getAckTimeout() {
			return this.ackTimeout;
		}

		public void setAckTimeout(Duration ackTimeout) {
			this.ackTimeout = ackTimeout;
		}

		public int getRetries() {
			return this.retries;
		}

		public void setRetries(int retries) {
			this.retries = retries;
		}

		public Map<String, String> getAuth() {
			return this.auth;
		}

		public void setAuth(Map<String, String> auth) {
			this.auth = auth;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public Map<String, String> getQuery() {
			return this.query;
		}

		public void setQuery(Map<String, String> query) {
			this.query = query;
		}

		public Reconnection getReconnection() {
			return this.reconnection;
		}

		public void setReconnection(Reconnection reconnection) {
			this.reconnection = reconnection;
		}

		public SendBuffer getSendBuffer() {
			return this.sendBuffer;
		}

		public void setSendBuffer(SendBuffer sendBuffer) {
			this.sendBuffer = sendBuffer;
		}

		public Inbound getInbound() {
			return this.inbound;
		}

		public void setInbound(Inbound inbound) {
			this.inbound = inbound;
		}

		public DataSize getMaxInboundMessageSize() {
			return this.maxInboundMessageSize;
		}

		public void setMaxInboundMessageSize(DataSize maxInboundMessageSize) {
			this.maxInboundMessageSize = maxInboundMessageSize;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

		public void setSsl(Ssl ssl) {
			this.ssl = ssl;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public boolean isObservationEnabled() {
			return this.observationEnabled;
		}

		public void setObservationEnabled(boolean observationEnabled) {
			this.observationEnabled = observationEnabled;
		}

	}

	/**
	 * Reconnection settings.
	 */
	public static class Reconnection {

		/**
		 * Whether to reconnect after a lost connection.
		 */
		private boolean enabled = true;

		/**
		 * Attempts after one loss of connection, -1 for unlimited.
		 */
		private int attempts = -1;

		/**
		 * Delay before the first attempt, doubled for each further one.
		 */
		private Duration delay = Duration.ofSeconds(1);

		/**
		 * Longest delay between attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(5);

		/**
		 * Jitter: each delay varies by up to this fraction of itself.
		 */
		private double randomizationFactor = 0.5;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getAttempts() {
			return this.attempts;
		}

		public void setAttempts(int attempts) {
			this.attempts = attempts;
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getRandomizationFactor() {
			return this.randomizationFactor;
		}

		public void setRandomizationFactor(double randomizationFactor) {
			this.randomizationFactor = randomizationFactor;
		}

	}

	/**
	 * Send buffer settings.
	 */
	public static class SendBuffer {

		/**
		 * Most emits kept while not connected; beyond that an emit fails at once.
		 */
		private int maxPackets = 1000;

		/**
		 * Most bytes of emits that wait to be written to the connection while connected; beyond
		 * that an emit fails at once with SendBufferFullException.
		 */
		private DataSize maxBytes = DataSize.ofMegabytes(64);

		public int getMaxPackets() {
			return this.maxPackets;
		}

		public void setMaxPackets(int maxPackets) {
			this.maxPackets = maxPackets;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

	}

	/**
	 * Flow control of received events.
	 */
	public static class Inbound {

		/**
		 * Most received events that wait for the handlers of a namespace.
		 */
		private int maxPendingEvents = 10_000;

		/**
		 * What happens beyond max-pending-events: 'pause' stops reading from the connection until
		 * half the backlog is handled, 'drop' drops the newest events (counted in
		 * socketio.client.events.dropped).
		 */
		private InboundOverflow overflow = InboundOverflow.PAUSE;

		public int getMaxPendingEvents() {
			return this.maxPendingEvents;
		}

		public void setMaxPendingEvents(int maxPendingEvents) {
			this.maxPendingEvents = maxPendingEvents;
		}

		public InboundOverflow getOverflow() {
			return this.overflow;
		}

		public void setOverflow(InboundOverflow overflow) {
			this.overflow = overflow;
		}

	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the Spring Boot SSL bundle that holds the trust material.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

}
