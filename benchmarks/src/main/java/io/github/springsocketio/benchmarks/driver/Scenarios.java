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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenarios S1 to S6 and the payload curve P100 to P1M for the JVM peers, on one
 * {@link BenchClient.Library} each.
 */
final class Scenarios {

	static final Map<String, Integer> SIZES = Map.ofEntries(Map.entry("S1", 200_000), Map.entry("S1F", 200_000), Map.entry("S2", 20_000),
			Map.entry("S3", 100_000), Map.entry("S4", 200_000), Map.entry("S5", 1_000), Map.entry("S6", 2_000),
			Map.entry("P100", 100_000), Map.entry("P4K", 25_000), Map.entry("P64K", 1_600), Map.entry("P1M", 100),
			Map.entry("C1", 1_000));

	/** The payload of each event of the payload curve, in characters (bytes: they are ASCII). */
	static final Map<String, Integer> PAYLOADS = Map.of("P100", 100, "P4K", 4096, "P64K", 65_536, "P1M", 1_048_576);

	private static final int WINDOW = 100;

	/** S1F waits for the server's count after every this many events. */
	static final int FLOW_CONTROL_BATCH = 1_000;

	/** The payload curve keeps up to 100 events and at most about 8 MB in flight. */
	private static final int PAYLOAD_IN_FLIGHT = 8 * 1_048_576;

	private static final long LIMIT_SECONDS = 300;

	private final BenchClient.Library library;

	private final String url;

	Scenarios(BenchClient.Library library, String url) {
		this.library = library;
		this.url = url;
	}

	Map<String, Double> run(String scenario, int n) throws Exception {
		return switch (scenario) {
			case "S1" -> fireAndForget(n);
			case "S1F" -> flowControlled(n);
			case "S2" -> sequentialAcks(n, false);
			case "S3" -> pipelinedAcks(n);
			case "S4" -> serverToClient(n);
			case "S5" -> scale(n);
			case "S6" -> sequentialAcks(n, true);
			case "P100", "P4K", "P64K", "P1M" -> payload(PAYLOADS.get(scenario), n);
			case "C1" -> new ClusterBroadcast(this.library, this.url).run(n);
			default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
		};
	}

	private BenchClient connect(boolean polling) throws Exception {
		return this.library.connect(this.url, polling).get(60, TimeUnit.SECONDS);
	}

	private Map<String, Double> fireAndForget(int n) throws Exception {
		BenchClient client = connect(false);
		try {
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				client.emit("count");
			}
			long seen = client.call("stats").get(LIMIT_SECONDS, TimeUnit.SECONDS);
			double seconds = (System.nanoTime() - start) / 1e9;
			if (seen != n) {
				throw new IllegalStateException("the server saw " + seen + " of " + n + " events");
			}
			return Map.of("events_per_s", n / seconds);
		}
		finally {
			client.close();
		}
	}

	/**
	 * S1 with the sender held back by the receiver: after every {@link #FLOW_CONTROL_BATCH} events
	 * it waits for the server's count, so no more than a batch is ever in flight.
	 */
	private Map<String, Double> flowControlled(int n) throws Exception {
		BenchClient client = connect(false);
		try {
			long start = System.nanoTime();
			for (int sent = 0; sent < n;) {
				int batch = Math.min(FLOW_CONTROL_BATCH, n - sent);
				for (int i = 0; i < batch; i++) {
					client.emit("count");
				}
				sent += batch;
				long seen = client.call("stats").get(LIMIT_SECONDS, TimeUnit.SECONDS);
				if (seen != sent) {
					throw new IllegalStateException("the server saw " + seen + " of " + sent + " events");
				}
			}
			return Map.of("events_per_s", n / ((System.nanoTime() - start) / 1e9));
		}
		finally {
			client.close();
		}
	}

	private Map<String, Double> sequentialAcks(int n, boolean polling) throws Exception {
		BenchClient client = connect(polling);
		try {
			long[] samples = new long[n];
			for (int i = 0; i < n; i++) {
				long start = System.nanoTime();
				long sum = client.callAndWait("add", i, 1);
				samples[i] = System.nanoTime() - start;
				if (sum != i + 1) {
					throw new IllegalStateException("wrong ack " + sum + " for " + i);
				}
			}
			Arrays.sort(samples);
			Map<String, Double> result = new LinkedHashMap<>();
			result.put("p50_us", samples[n / 2] / 1e3);
			result.put("p99_us", samples[Math.min(n - 1, (int) (n * 0.99))] / 1e3);
			result.put("max_us", samples[n - 1] / 1e3);
			return result;
		}
		finally {
			client.close();
		}
	}

	private Map<String, Double> pipelinedAcks(int n) throws Exception {
		BenchClient client = connect(false);
		try {
			double seconds = pipelined(client, n, WINDOW, (i) -> client.call("add", i, 1), (i) -> i + 1);
			return Map.of("acks_per_s", n / seconds);
		}
		finally {
			client.close();
		}
	}

	/**
	 * Events of {@code bytes} characters each, acknowledged by the server with their length.
	 */
	private Map<String, Double> payload(int bytes, int n) throws Exception {
		BenchClient client = connect(false);
		try {
			String payload = "x".repeat(bytes);
			int window = Math.max(4, Math.min(WINDOW, PAYLOAD_IN_FLIGHT / bytes));
			double seconds = pipelined(client, n, window, (i) -> client.call("size", payload), (i) -> bytes);
			return Map.of("mb_per_s", (double) n * bytes / seconds / 1e6);
		}
		finally {
			client.close();
		}
	}

	/**
	 * Makes {@code n} calls with up to {@code window} of them unacknowledged.
	 * @return the seconds until the last was acknowledged
	 */
	private static double pipelined(BenchClient client, int n, int window, IntFunction<CompletableFuture<Long>> call,
			IntToLongFunction expected) throws Exception {
		Semaphore inFlight = new Semaphore(window);
		CountDownLatch done = new CountDownLatch(n);
		AtomicReference<String> wrong = new AtomicReference<>();
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			if (!inFlight.tryAcquire(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("no acknowledgement within 60 s");
			}
			long want = expected.applyAsLong(i);
			int index = i;
			call.apply(i).whenComplete((answer, failure) -> {
				if (failure != null || answer != want) {
					wrong.compareAndSet(null, "ack " + answer + " for call " + index + ": " + failure);
				}
				inFlight.release();
				done.countDown();
			});
		}
		if (!done.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
			throw new IllegalStateException("not all acknowledged in time");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (wrong.get() != null) {
			throw new IllegalStateException(wrong.get());
		}
		return seconds;
	}

	private Map<String, Double> serverToClient(int n) throws Exception {
		BenchClient client = connect(false);
		try {
			CountDownLatch received = new CountDownLatch(n);
			client.on("many", received::countDown);
			long start = System.nanoTime();
			client.emit("emit-many", n);
			if (!received.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("received " + (n - received.getCount()) + " of " + n + " events");
			}
			return Map.of("events_per_s", n / ((System.nanoTime() - start) / 1e9));
		}
		finally {
			client.close();
		}
	}

	private Map<String, Double> scale(int n) throws Exception {
		long start = System.nanoTime();
		List<BenchClient> clients = connectAll(this.library, this.url, n);
		Map<String, Double> result = new LinkedHashMap<>();
		result.put("connect_s", (System.nanoTime() - start) / 1e9);
		result.put("threads", (double) procStatus("Threads"));
		System.gc();
		System.gc();
		result.put("heap_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
		result.put("rss_mb", procStatus("VmRSS") / 1024.0);
		long closing = System.nanoTime();
		closeAll(clients);
		result.put("disconnect_s", (System.nanoTime() - closing) / 1e9);
		return result;
	}

	/**
	 * Opens {@code n} WebSocket connections at once.
	 */
	static List<BenchClient> connectAll(BenchClient.Library library, String url, int n) throws Exception {
		List<CompletableFuture<BenchClient>> connecting = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			connecting.add(library.connect(url, false));
		}
		List<BenchClient> clients = new ArrayList<>(n);
		for (CompletableFuture<BenchClient> connection : connecting) {
			clients.add(connection.get(LIMIT_SECONDS, TimeUnit.SECONDS));
		}
		return clients;
	}

	/**
	 * Closes connections, eight at a time.
	 */
	static void closeAll(List<BenchClient> clients) throws InterruptedException {
		ExecutorService closers = Executors.newFixedThreadPool(8);
		for (BenchClient client : clients) {
			closers.execute(client::close);
		}
		closers.shutdown();
		if (!closers.awaitTermination(LIMIT_SECONDS, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the clients did not close in time");
		}
	}

	/**
	 * A number from /proc/self/status: the process's OS threads, its resident set in KiB.
	 */
	private static long procStatus(String field) throws IOException {
		Matcher matcher = Pattern.compile(field + ":\\s+(\\d+)").matcher(Files.readString(Path.of("/proc/self/status")));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

}
