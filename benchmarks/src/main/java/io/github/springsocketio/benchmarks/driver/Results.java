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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one driver run, by scenario, metric and peer, and their markdown table.
 */
final class Results {

	/** The metrics of each scenario with their labels (the arrow says which way is better). */
	private static final Map<String, List<Metric>> METRICS = Map.ofEntries(Map.entry(
			"S1", List.of(new Metric("events_per_s", "S1 fire-and-forget — events/s ↑"),
					new Metric("alloc_b", "S1 — bytes allocated per event (JVM peers) ↓"))),
			Map.entry("S1F", List.of(new Metric("events_per_s", "S1F flow-controlled (the count awaited every 1,000) — events/s ↑"))),
			Map.entry("S2", List.of(new Metric("p50_us", "S2 sequential acks — p50 µs ↓"),
					new Metric("p99_us", "S2 — p99 µs ↓"), new Metric("max_us", "S2 — max µs ↓"),
					new Metric("alloc_b", "S2 — bytes allocated per ack (JVM peers) ↓"))),
			Map.entry("S3", List.of(new Metric("acks_per_s", "S3 pipelined acks ×100 — acks/s ↑"),
					new Metric("alloc_b", "S3 — bytes allocated per ack (JVM peers) ↓"))),
			Map.entry("S4", List.of(new Metric("events_per_s", "S4 server→client — events/s ↑"),
					new Metric("alloc_b", "S4 — bytes allocated per event (JVM peers) ↓"))),
			Map.entry("S5", List.of(new Metric("connect_s", "S5 1,000 connections × scale — time to connected (s) ↓"),
					new Metric("threads", "S5 — OS threads of the process ↓"),
					new Metric("heap_mb", "S5 — heap after GC (MB) ↓"),
					new Metric("rss_mb", "S5 — RSS (MB) ↓"),
					new Metric("disconnect_s", "S5 — disconnect all (s) ↓"))),
			Map.entry("S6", List.of(new Metric("p50_us", "S6 polling acks — p50 µs ↓"),
					new Metric("p99_us", "S6 — p99 µs ↓"),
					new Metric("alloc_b", "S6 — bytes allocated per ack (JVM peers) ↓"))),
			Map.entry("C1", List.of(new Metric("p50_us", "C1 cluster broadcast, 1,000 clients × scale — delivery p50 µs ↓"),
					new Metric("p99_us", "C1 — delivery p99 µs ↓"), new Metric("lost", "C1 — ticks lost ↓"))),
			payload("P100", "100 B"), payload("P4K", "4 KiB"), payload("P64K", "64 KiB"), payload("P1M", "1 MiB"));

	private final List<String> peers;

	private final String environment;

	private final Map<String, Map<String, List<Map<String, Double>>>> runs = new LinkedHashMap<>();

	private final Map<String, String> failures = new LinkedHashMap<>();

	Results(List<String> peers, String environment) {
		this.peers = peers;
		this.environment = environment;
	}

	void add(String scenario, String peer, Map<String, Double> figures) {
		this.runs.computeIfAbsent(scenario, (key) -> new LinkedHashMap<>())
			.computeIfAbsent(peer, (key) -> new ArrayList<>())
			.add(figures);
	}

	void fail(String scenario, String peer, String reason) {
		this.failures.put(scenario + " " + peer, reason);
	}

	Map<String, String> failures() {
		return this.failures;
	}

	/**
	 * The runs of a peer in a scenario.
	 */
	List<Map<String, Double>> runs(String scenario, String peer) {
		return this.runs.getOrDefault(scenario, Map.of()).getOrDefault(peer, List.of());
	}

	String markdown() {
		StringBuilder table = new StringBuilder();
		table.append("| scenario · metric |");
		this.peers.forEach((peer) -> table.append(' ').append(peer).append(" |"));
		table.append("\n|---|");
		this.peers.forEach((peer) -> table.append("---|"));
		table.append('\n');
		for (String scenario : this.runs.keySet()) {
			for (Metric metric : METRICS.get(scenario)) {
				table.append("| ").append(metric.label()).append(" |");
				Double limit = median(scenario, "limit", metric.key());
				for (String peer : this.peers) {
					table.append(' ').append(cell(scenario, peer, metric, limit)).append(" |");
				}
				table.append('\n');
			}
		}
		table.append("\nCells: median (min–max) of the measured runs · ratio to the limit's median. ")
			.append(this.environment)
			.append('.');
		table.append(warmups());
		this.failures.forEach((key, reason) -> table.append("\n- ").append(key).append(" failed: ").append(reason));
		return table.toString();
	}

	/** The warm-up runs of each peer: the JVM peers' count depends on their JIT compiler. */
	private String warmups() {
		StringBuilder line = new StringBuilder("\nWarm-up runs (JVM peers: until compiling took at most a tenth of a run):");
		for (String scenario : this.runs.keySet()) {
			line.append(' ').append(scenario);
			for (String peer : this.peers) {
				Double runs = median(scenario, peer, "warmup_runs");
				if (runs != null) {
					line.append(' ').append(peer).append(' ').append(runs.intValue());
				}
			}
			line.append(';');
		}
		line.setCharAt(line.length() - 1, '.');
		return line.toString();
	}

	private String cell(String scenario, String peer, Metric metric, Double limit) {
		List<Double> values = values(scenario, peer, metric.key());
		if (values.isEmpty()) {
			return this.failures.containsKey(scenario + " " + peer) ? "failed" : "—";
		}
		double median = values.get(values.size() / 2);
		String cell = "**" + format(median) + "** (" + format(values.get(0)) + "–" + format(values.get(values.size() - 1))
				+ ")";
		if (limit != null && limit > 0 && !peer.equals("limit")) {
			cell += String.format(" · %.2f×", median / limit);
		}
		return cell;
	}

	Double median(String scenario, String peer, String metric) {
		List<Double> values = values(scenario, peer, metric);
		return values.isEmpty() ? null : values.get(values.size() / 2);
	}

	private List<Double> values(String scenario, String peer, String metric) {
		List<Double> values = new ArrayList<>();
		for (Map<String, Double> run : runs(scenario, peer)) {
			Double value = run.get(metric);
			if (value != null) {
				values.add(value);
			}
		}
		values.sort(null);
		return values;
	}

	private static String format(double value) {
		if (value >= 1000) {
			return String.format("%,.0f", value);
		}
		return (value >= 10) ? String.format("%.0f", value) : String.format("%.2f", value);
	}

	private static Map.Entry<String, List<Metric>> payload(String scenario, String size) {
		return Map.entry(scenario, List.of(new Metric("mb_per_s", scenario + " acknowledged " + size + " events — MB/s ↑"),
				new Metric("alloc_b", scenario + " — bytes allocated per event (JVM peers) ↓")));
	}

	private record Metric(String key, String label) {

	}

}
