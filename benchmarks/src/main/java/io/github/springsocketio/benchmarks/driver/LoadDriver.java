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
package io.github.springsocketio.benchmarks.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoCluster;
import io.github.springsocketio.test.SocketIoServerExtension;
import io.github.springsocketio.test.SocketIoTestServer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end load driver: starts one reference Node server, runs each scenario for each peer
 * in a process of its own (a warm-up, then the measured runs), and prints a markdown table of
 * medians (min–max) with each peer's ratio to the limit client. The warm-up is made of full-size
 * runs: for the JVM peers until their JIT compiler has settled, for the Node peers two.
 * <p>
 * Options: {@code --scenarios S1,S2,...} (S1, S1F, S2 to S6, the payload curve P100, P4K, P64K, P1M; and
 * C1, not run by default, against a cluster of two nodes with the Redis adapter behind HAProxy,
 * started for it), {@code --peers limit,node,ours,...} (besides the default
 * peers: {@code jdk-raw} and {@code netty-raw}, the floors of two JVM WebSocket stacks), {@code --runs 3},
 * {@code --scale 1.0} (a fraction of each scenario's size, for smoke runs), {@code --server node4}
 * (the reference server, socket.io 4.8.4; {@code node2} or {@code node3}: socket.io 2.5.1 or 3.1.2,
 * which the Node peers of 4.x cannot reach: {@code node2} measures protocol 4; {@code jvm}: the in-JVM
 * test server, in the driver's process), {@code --warmup 5000} (one warm-up run of that size, for
 * cold figures).
 */
public final class LoadDriver {

	static final List<String> ALL_SCENARIOS = List.of("S1", "S1F", "S2", "S3", "S4", "S5", "S6", "P100", "P4K", "P64K", "P1M");

	/** The scenario that runs against a cluster of its own (not among the defaults: it takes a minute a run). */
	static final String CLUSTER_SCENARIO = "C1";

	static final List<String> ALL_PEERS = List.of("limit", "node", "ours-jdk", "ours-netty", "ours-spring", "io.socket");

	private static final String NODE_DIR_PROPERTY = "benchmarks.node-dir";

	private final List<String> scenarios;

	private final List<String> peers;

	private final int runs;

	private final double scale;

	private final long peerTimeoutSeconds;

	private final String server;

	private final int warmup;

	LoadDriver(List<String> scenarios, List<String> peers, int runs, double scale, String server, int warmup) {
		this.server = server;
		this.warmup = warmup;
		this.scenarios = scenarios;
		this.peers = peers;
		this.runs = runs;
		this.scale = scale;
		this.peerTimeoutSeconds = Math.max(60, Math.round(600 * scale * runs));
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		LoadDriver driver = new LoadDriver(list(options.get("scenarios"), ALL_SCENARIOS),
				list(options.get("peers"), ALL_PEERS), Integer.parseInt(options.getOrDefault("runs", "3")),
				Double.parseDouble(options.getOrDefault("scale", "1")), options.getOrDefault("server", "node4"),
				Integer.parseInt(options.getOrDefault("warmup", "0")));
		Results results = driver.run();
		System.out.println();
		System.out.println(results.markdown());
		System.exit(results.failures().isEmpty() ? 0 : 1);
	}

	private static List<String> list(String option, List<String> all) {
		return (option != null) ? List.of(option.split(",")) : all;
	}

	Results run() throws IOException, InterruptedException {
		Path nodeDir = nodeDirectory();
		installNodePeers(nodeDir);
		Results results = new Results(this.peers, environment() + ", server " + this.server + ", warm-up "
				+ ((this.warmup > 0) ? "of " + this.warmup + " operations (cold)" : "in full-size runs") + ", scale " + this.scale);
		List<String> single = this.scenarios.stream().filter((scenario) -> !scenario.equals(CLUSTER_SCENARIO)).toList();
		if (!single.isEmpty()) {
			ReferenceServer server = startServer();
			try {
				runScenarios(single, server.url(), Map.of(), nodeDir, results);
			}
			finally {
				server.stop();
			}
		}
		if (this.scenarios.contains(CLUSTER_SCENARIO)) {
			SocketIoCluster cluster = SocketIoCluster.redisAdapter();
			cluster.start();
			try {
				runScenarios(List.of(CLUSTER_SCENARIO), cluster.url(),
						Map.of(ClusterBroadcast.TICKS_URL, cluster.node(0).url()), nodeDir, results);
			}
			finally {
				cluster.stop();
			}
		}
		return results;
	}

	private void runScenarios(List<String> scenarios, String url, Map<String, String> environment, Path nodeDir,
			Results results) throws IOException, InterruptedException {
		for (String scenario : scenarios) {
			for (String peer : this.peers) {
				System.err.printf("%s %s ...%n", scenario, peer);
				runPeer(peer, scenario, url, environment, nodeDir, results);
			}
		}
	}

	private ReferenceServer startServer() throws IOException {
		if (this.server.equals("jvm")) {
			SocketIoTestServer inJvm = InJvmServer.start();
			return new ReferenceServer(inJvm.url(), inJvm::close);
		}
		SocketIoServerExtension process = switch (this.server) {
			case "node4" -> SocketIoServerExtension.nodeReference();
			case "node2" -> SocketIoServerExtension.nodeGeneration(2);
			case "node3" -> SocketIoServerExtension.nodeGeneration(3);
			default -> throw new IllegalArgumentException("--server is node4, node3, node2 or jvm, not " + this.server);
		};
		process.start();
		return new ReferenceServer(process.url(), process::stop);
	}

	/** The server the peers run against, and how to stop it. */
	private record ReferenceServer(String url, Runnable stopper) {

		void stop() {
			this.stopper.run();
		}

	}

	private void runPeer(String peer, String scenario, String url, Map<String, String> environment, Path nodeDir,
			Results results) throws IOException, InterruptedException {
		List<String> arguments = List.of(peer, scenario, url, String.valueOf(this.runs), String.valueOf(this.scale),
				String.valueOf(this.warmup));
		List<String> command = new ArrayList<>();
		Path directory;
		if (peer.equals("limit") || peer.equals("node")) {
			command.addAll(List.of("node", "--expose-gc", "bench-client.js"));
			directory = nodeDir;
		}
		else {
			command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
					System.getProperty("java.class.path"), JvmPeer.class.getName()));
			directory = Path.of(".");
		}
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		List<String> output = new ArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					synchronized (output) {
						output.add(line);
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		});
		reader.start();
		// C1 lasts 30 s a run, its warm-up included, whatever the scale.
		long timeoutSeconds = scenario.equals(CLUSTER_SCENARIO) ? this.peerTimeoutSeconds + 60L * (this.runs + 1)
				: this.peerTimeoutSeconds;
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			results.fail(scenario, peer, "timed out after " + timeoutSeconds + " s");
		}
		reader.join(5000);
		JsonMapper mapper = JsonMapper.builder().build();
		synchronized (output) {
			for (String line : output) {
				if (line.startsWith("RESULT ")) {
					results.add(scenario, peer, mapper.readValue(line.substring(7), new TypeReference<Map<String, Double>>() {
					}));
				}
				else if (line.startsWith("FAILED ")) {
					results.fail(scenario, peer, line.substring(7));
				}
			}
			if (process.exitValue() != 0 && !results.failures().containsKey(scenario + " " + peer)) {
				results.fail(scenario, peer, "exit " + process.exitValue() + ": "
						+ String.join(" | ", output.subList(Math.max(0, output.size() - 5), output.size())));
			}
		}
	}

	private static String environment() {
		return "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
	}

	private static Path nodeDirectory() {
		String configured = System.getProperty(NODE_DIR_PROPERTY);
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			for (Path candidate : List.of(dir.resolve("src/main/node"), dir.resolve("benchmarks/src/main/node"))) {
				if (Files.exists(candidate.resolve("bench-client.js"))) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("Cannot find benchmarks/src/main/node: run from the repository or set -D"
				+ NODE_DIR_PROPERTY);
	}

	private static void installNodePeers(Path nodeDir) throws IOException, InterruptedException {
		if (Files.isDirectory(nodeDir.resolve("node_modules/socket.io-client"))) {
			return;
		}
		Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(nodeDir.toFile())
			.inheritIO()
			.start();
		if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
			throw new IllegalStateException("'npm ci' failed in " + nodeDir);
		}
	}

}
