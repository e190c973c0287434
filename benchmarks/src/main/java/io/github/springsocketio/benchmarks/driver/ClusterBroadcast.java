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
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C1, the cluster scenario: {@code n} clients spread over the nodes of a cluster by its load
 * balancer, and one node broadcasting a tick every 10 ms for 30 s. Measures the delivery latency,
 * from the node's send time to the client's handler (one clock: the same machine), and the ticks
 * lost. The driver names the broadcasting node in the environment variable {@value #TICKS_URL}.
 */
final class ClusterBroadcast {

	/** The environment variable with the URL of the node that broadcasts. */
	static final String TICKS_URL = "BENCH_TICKS_URL";

	private static final int EVERY_MS = 10;

	private static final Duration DURATION = Duration.ofSeconds(30);

	/** How long the last ticks may take to arrive once the node sent them. */
	private static final Duration GRACE = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(100);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BenchClient.Library library;

	private final String url;

	ClusterBroadcast(BenchClient.Library library, String url) {
		this.library = library;
		this.url = url;
	}

	Map<String, Double> run(int n) throws Exception {
		String node = System.getenv(TICKS_URL);
		if (node == null) {
			throw new IllegalStateException("C1 runs against a cluster: " + TICKS_URL + " is not set");
		}
		int maxTicks = (int) (DURATION.toMillis() / EVERY_MS) + 100;
		int[] latencies = new int[n * maxTicks];
		AtomicInteger received = new AtomicInteger();
		List<BenchClient> clients = Scenarios.connectAll(this.library, this.url, n);
		try {
			for (BenchClient client : clients) {
				client.onTick("tick", (sentAtMicros) -> {
					int index = received.getAndIncrement();
					if (index < latencies.length) {
						latencies[index] = (int) Math.min(Integer.MAX_VALUE, nowMicros() - sentAtMicros);
					}
				});
			}
			control(node, "ticks?event=tick&everyMs=" + EVERY_MS + "&durationMs=" + DURATION.toMillis());
			JsonNode done;
			do {
				LockSupport.parkNanos(POLL.toNanos());
				done = control(node, "ticks-done");
			}
			while (!done.path("done").asBoolean());
			long expected = done.path("sent").asLong() * n;
			long deadline = System.nanoTime() + GRACE.toNanos();
			while (received.get() < expected && System.nanoTime() < deadline) {
				LockSupport.parkNanos(POLL.toNanos());
			}
			int count = Math.min(received.get(), latencies.length);
			int[] sorted = Arrays.copyOf(latencies, count);
			Arrays.sort(sorted);
			Map<String, Double> result = new LinkedHashMap<>();
			result.put("p50_us", (double) sorted[count / 2]);
			result.put("p99_us", (double) sorted[Math.min(count - 1, (int) (count * 0.99))]);
			result.put("lost", (double) Math.max(0, expected - received.get()));
			return result;
		}
		finally {
			Scenarios.closeAll(clients);
		}
	}

	private static long nowMicros() {
		Instant now = Instant.now();
		return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
	}

	private static JsonNode control(String node, String request) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(node + "/control/" + request).toURL().openConnection();
		connection.setRequestProperty("Connection", "close");
		try (InputStream body = connection.getInputStream()) {
			return JSON.readTree(body);
		}
	}

}
