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
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs a Socket.IO cluster on loopback ports for the tests of one class:
 * Node {@code socket.io} 4.8.4 {@linkplain ClusterNode nodes} sharing rooms and broadcasts through
 * an adapter, a {@code redis-server} for it, and HAProxy in front with cookie-based sticky
 * sessions. Clients connect to {@link #url()}, the load balancer; tests kill and start nodes,
 * restart Redis, and make nodes emit. Register it as a static field:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final SocketIoCluster cluster = SocketIoCluster.redisAdapter();
 * </pre>
 *
 * It needs Node.js with the npm packages of {@code socketio-test/src/main/node} (installed from the
 * lock file on first use, as for {@link SocketIoServerExtension}), and Debian's {@code redis-server}
 * and {@code haproxy}.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class SocketIoCluster implements BeforeAllCallback, AfterAllCallback {

	private static final int DEFAULT_NODES = 2;

	private final String adapter;

	private final Map<String, String> environment = new LinkedHashMap<>();

	private int nodeCount = DEFAULT_NODES;

	private final List<ClusterNode> nodes = new ArrayList<>();

	private @Nullable RedisServer redis;

	private @Nullable LoadBalancer loadBalancer;

	private SocketIoCluster(String adapter) {
		this.adapter = adapter;
		this.environment.put("ADAPTER", adapter);
	}

	/**
	 * Nodes with {@code @socket.io/redis-adapter} 8.3.0 (Redis pub/sub): broadcasts and room emits
	 * reach the clients of every node; no connection-state recovery (that adapter has none).
	 * @return a new extension
	 */
	public static SocketIoCluster redisAdapter() {
		return new SocketIoCluster("redis");
	}

	/**
	 * Nodes with {@code @socket.io/redis-streams-adapter} 0.3.1 and connection-state recovery: a
	 * client that comes back within two minutes, to any node, gets the events it missed.
	 * @return a new extension
	 */
	public static SocketIoCluster redisStreamsAdapter() {
		return new SocketIoCluster("streams");
	}

	/**
	 * Nodes that share nothing (socket.io's in-memory adapter, no Redis) and recover a client's
	 * connection state only on the node it was on: the case where the load balancer must send a
	 * client back to its node.
	 * @return a new extension
	 */
	public static SocketIoCluster withoutAdapter() {
		return new SocketIoCluster("memory").withEnv("RECOVERY", "1");
	}

	/**
	 * Sets how many nodes run (two unless set).
	 * @param count the number of nodes
	 * @return this extension
	 */
	public SocketIoCluster withNodes(int count) {
		if (count < 1 || count > 26) {
			throw new IllegalArgumentException("A cluster has 1 to 26 nodes, not " + count);
		}
		this.nodeCount = count;
		return this;
	}

	/**
	 * Sets an environment variable of every node, e.g. {@code PING_INTERVAL} and
	 * {@code PING_TIMEOUT} in milliseconds, or {@code TRANSPORTS}.
	 * @param name the variable
	 * @param value its value
	 * @return this extension
	 */
	public SocketIoCluster withEnv(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * Starts Redis (unless the nodes share nothing), the nodes and the load balancer.
	 */
	public synchronized void start() {
		if (this.loadBalancer != null) {
			return;
		}
		try {
			Map<String, String> nodeEnvironment = new LinkedHashMap<>(this.environment);
			if (!this.adapter.equals("memory")) {
				this.redis = new RedisServer(freePort());
				this.redis.start();
				nodeEnvironment.put("REDIS_URL", this.redis.url());
			}
			Map<String, Integer> ports = new LinkedHashMap<>();
			for (int i = 0; i < this.nodeCount; i++) {
				String name = String.valueOf((char) ('a' + i));
				ports.put(name, freePort());
				ClusterNode node = new ClusterNode(name, ports.get(name), nodeEnvironment);
				this.nodes.add(node);
				node.start();
			}
			this.loadBalancer = new LoadBalancer(freePort());
			this.loadBalancer.start(ports);
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	/**
	 * Stops the load balancer, the nodes and Redis.
	 */
	public synchronized void stop() {
		if (this.loadBalancer != null) {
			this.loadBalancer.stop();
			this.loadBalancer = null;
		}
		this.nodes.forEach(ClusterNode::stop);
		this.nodes.clear();
		if (this.redis != null) {
			this.redis.stop();
			this.redis = null;
		}
	}

	/**
	 * The load balancer's URL, which clients connect to.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public synchronized String url() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * The load balancer's port, e.g. to put a {@link ChaosProxy} in front of it.
	 * @return the port
	 */
	public synchronized int port() {
		if (this.loadBalancer == null) {
			throw new IllegalStateException("The cluster is not running");
		}
		return this.loadBalancer.port();
	}

	/**
	 * The nodes, in the order of their names.
	 * @return the nodes
	 */
	public synchronized List<ClusterNode> nodes() {
		return List.copyOf(this.nodes);
	}

	/**
	 * One node.
	 * @param index its index, from 0
	 * @return the node
	 */
	public synchronized ClusterNode node(int index) {
		return this.nodes.get(index);
	}

	/**
	 * The node a client's socket is connected to, asked of every running node.
	 * @param namespace the namespace
	 * @param socketId the socket's id, as the client knows it
	 * @return the node, or empty when no running node has that socket
	 */
	public Optional<ClusterNode> nodeOf(String namespace, String socketId) {
		return nodes().stream()
			.filter(ClusterNode::isRunning)
			.filter((node) -> node.clientIds(namespace).contains(socketId))
			.findFirst();
	}

	/**
	 * Another node than the given one, e.g. to emit from the node a client is not on.
	 * @param node a node
	 * @return the first other node
	 */
	public ClusterNode other(ClusterNode node) {
		return nodes().stream()
			.filter((candidate) -> candidate != node)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The cluster has one node"));
	}

	/**
	 * Stops Redis ({@code SIGTERM}); the nodes stay up and keep their clients, but share nothing
	 * until {@link #startRedis()}.
	 */
	public synchronized void stopRedis() {
		requireRedis().stop();
	}

	/**
	 * Starts Redis again on its port, empty; the nodes' Redis clients reconnect by themselves.
	 */
	public synchronized void startRedis() {
		requireRedis().start();
	}

	private RedisServer requireRedis() {
		if (this.redis == null) {
			throw new IllegalStateException("This cluster has no Redis: its nodes use the in-memory adapter");
		}
		return this.redis;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

}
