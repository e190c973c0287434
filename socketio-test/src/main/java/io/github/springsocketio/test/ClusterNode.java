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
package io.github.springsocketio.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Socket.IO node of a {@link SocketIoCluster}: Node {@code socket.io} 4.8.4
 * ({@code cluster-node.js}) on its own loopback port, which a test can kill and start again, and
 * whose control endpoints make it emit. Emits go through the cluster's adapter, so a broadcast
 * from one node reaches the clients of every node.
 * <p>
 * Every node has the namespaces {@code /} and {@code /admin}, each with the same handlers: a
 * client's connect joins the rooms its auth lists under {@code rooms}; {@code whoami} is answered
 * with the node's name, the socket's id, whether it was recovered and its rooms; {@code record(key,
 * n)} appends {@code n} to the cluster-wide list {@code key} (see {@link #receipts}) before it acks
 * {@code n}; {@code join(room)} and {@code leave(room)}; {@code echo} acks with its arguments.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class ClusterNode {

	private static final ServerLaunchers.NodeScript SCRIPT = new ServerLaunchers.NodeScript("cluster-node.js");

	private static final Pattern LISTENING = Pattern.compile("^listening on (\\d+)$");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final int port;

	private final Map<String, String> environment;

	private @Nullable ChildProcess process;

	ClusterNode(String name, int port, Map<String, String> environment) {
		this.name = name;
		this.port = port;
		this.environment = environment;
	}

	/**
	 * The node's name, which {@code whoami} answers and the load balancer's cookie holds.
	 * @return the name, {@code a}, {@code b}, ...
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The node's own URL, not through the load balancer.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Whether the node's process runs.
	 * @return whether it runs
	 */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Starts the node on its port, if it is not running, and waits until it accepts connections
	 * and its adapter is connected.
	 */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		Path directory = SCRIPT.directory();
		Map<String, String> environment = new LinkedHashMap<>(this.environment);
		environment.put("PORT", String.valueOf(this.port));
		environment.put("NODE_NAME", this.name);
		try {
			this.process = ChildProcess.start("cluster node " + this.name, SCRIPT.command(directory), directory,
					environment, LISTENING, START_TIMEOUT, SCRIPT.installHint()).process();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start cluster node " + this.name, ex);
		}
	}

	/**
	 * Kills the node ({@code SIGKILL}), as when its machine dies: its clients' connections end
	 * without a Socket.IO goodbye, and the sessions it held are gone. Waits until it has ended.
	 */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
			this.process = null;
		}
	}

	/**
	 * Stops the node as an orderly shutdown does ({@code SIGTERM}).
	 */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
			this.process = null;
		}
	}

	/**
	 * Emits an event from this node to every client of a namespace, on every node.
	 * @param namespace the namespace, e.g. {@code /}
	 * @param event the event
	 * @param args its arguments, as JSON values
	 */
	public void broadcast(String namespace, String event, Object... args) {
		control("broadcast", Map.of("namespace", namespace, "event", event, "args", JSON.writeValueAsString(args)));
	}

	/**
	 * Emits an event from this node to the clients in a room of a namespace, on every node.
	 * @param namespace the namespace
	 * @param room the room
	 * @param event the event
	 * @param args its arguments, as JSON values
	 */
	public void emitToRoom(String namespace, String room, String event, Object... args) {
		control("room", Map.of("namespace", namespace, "room", room, "event", event, "args",
				JSON.writeValueAsString(args)));
	}

	/**
	 * Starts emitting {@code count} events, each with its index 0, 1, ... as its one argument, to a
	 * room (or to the whole namespace), one every {@code interval} ({@link Duration#ZERO}: all at
	 * once). Returns at once; {@link #sequenceDone()} says when the last was emitted.
	 * @param namespace the namespace
	 * @param room the room, or {@code null} for every client of the namespace
	 * @param event the event
	 * @param count how many
	 * @param interval the time between two
	 */
	public void emitSequence(String namespace, @Nullable String room, String event, int count, Duration interval) {
		Map<String, String> parameters = new LinkedHashMap<>(Map.of("namespace", namespace, "event", event, "count",
				String.valueOf(count), "intervalMs", String.valueOf(interval.toMillis())));
		if (room != null) {
			parameters.put("room", room);
		}
		control("sequence", parameters);
	}

	/**
	 * Whether the node has emitted every event of its latest {@link #emitSequence sequence}.
	 * @return whether it is done
	 */
	public boolean sequenceDone() {
		return control("sequence-done", Map.of()).path("done").asBoolean();
	}

	/**
	 * The ids of the sockets connected to this node in a namespace (not those of other nodes).
	 * @param namespace the namespace
	 * @return the socket ids
	 */
	public List<String> clientIds(String namespace) {
		List<String> ids = new ArrayList<>();
		control("clients", Map.of("namespace", namespace)).path("sids").forEach((id) -> ids.add(id.asString()));
		return ids;
	}

	/**
	 * What the {@code record} events of one key stored, in the order they were recorded, by every
	 * node of the cluster (with an adapter; without one, by this node).
	 * @param key the key
	 * @return the recorded numbers, duplicates included
	 */
	public List<Long> receipts(String key) {
		List<Long> receipts = new ArrayList<>();
		control("receipts", Map.of("key", key)).path("receipts").forEach((n) -> receipts.add(n.asLong()));
		return receipts;
	}

	/**
	 * Disconnects every client of this node on the server's side (the clients do not reconnect by
	 * themselves after that, as with any server-side disconnect).
	 * @return how many sockets it disconnected
	 */
	public int disconnectAll() {
		return control("disconnect-all", Map.of()).path("disconnected").asInt();
	}

	/**
	 * Closes the connection of every client of this node, as a network cut would: the clients see
	 * a transport close and reconnect by themselves.
	 * @return how many connections it closed
	 */
	public int dropConnections() {
		return control("drop-transports", Map.of()).path("dropped").asInt();
	}

	/**
	 * How many requests this node refused because it did not know their session (HTTP 400,
	 * "Session ID unknown"): a long-polling request that the load balancer sent to the wrong node.
	 * @return the count since the node started
	 */
	public int unknownSessionErrors() {
		return control("session-errors", Map.of()).path("unknownSid").asInt();
	}

	/**
	 * Calls one of the node's control endpoints, {@code GET /control/<name>}.
	 * @param endpoint the endpoint's name
	 * @param parameters its query parameters
	 * @return the JSON it answered
	 */
	JsonNode control(String endpoint, Map<String, String> parameters) {
		StringJoiner query = new StringJoiner("&", "?", "");
		query.setEmptyValue("");
		parameters.forEach((key, value) -> query
			.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		// A connection per request: a pooled one may be to a process the test has killed since.
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/control/" + endpoint + query)
				.toURL()
				.openConnection();
			connection.setRequestProperty("Connection", "close");
			connection.setConnectTimeout((int) CONTROL_TIMEOUT.toMillis());
			connection.setReadTimeout((int) CONTROL_TIMEOUT.toMillis());
			int status = connection.getResponseCode();
			try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
				String text = (body != null) ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "";
				if (status != 200) {
					throw new IllegalStateException("Node " + this.name + " answered " + status + " to " + endpoint + ": "
							+ text);
				}
				return JSON.readTree(text);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Node " + this.name + " did not answer " + endpoint + ": " + ex, ex);
		}
	}

	/**
	 * What the node's process printed so far.
	 * @return its output
	 */
	public synchronized String output() {
		return (this.process != null) ? this.process.output() : "";
	}

	@Override
	public String toString() {
		return "node " + this.name + " (" + url() + ")";
	}

}
