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

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.springsocketio.client.WebSocketImplementation;

/**
 * One JVM peer in its own process, as the driver starts it:
 * {@code JvmPeer <peer> <scenario> <url> <runs> <scale> [<warm-up size>]}. Warms up with full-size
 * runs until the JIT compiler has settled (or, given a warm-up size, with one run of that size: a
 * cold start), then runs {@code runs} times, printing {@code RESULT {json}} per measured run or
 * {@code FAILED <reason>}. A run also reports the bytes the whole process allocated per event or ack
 * (S5 and C1, whose sizes count connections, excepted) and the warm-up runs it took.
 */
public final class JvmPeer {

	/**
	 * A warm-up run that spent at most this share of its time compiling ends the warm-up. On two
	 * cores shared with the server one full-size run is not enough: in S3 the compiler threads
	 * still worked 2.2 s of a 2.4 s second run and 0.9 s of a 1.6 s third, then settled at about
	 * 0.1 s a run (some recompilation never stops).
	 */
	private static final double SETTLED_COMPILE_SHARE = 0.10;

	private static final int MAX_WARMUP_RUNS = 8;

	private JvmPeer() {
	}

	public static void main(String[] args) {
		String peer = args[0];
		String scenario = args[1];
		int runs = Integer.parseInt(args[3]);
		int size = (int) Math.max(1, Math.round(Scenarios.SIZES.get(scenario) * Double.parseDouble(args[4])));
		int coldWarmup = (args.length > 5) ? Math.min(size, Integer.parseInt(args[5])) : 0;
		Scenarios scenarios = new Scenarios(library(peer), args[2]);
		try {
			// A C1 run lasts 30 s, long enough for the compiler to settle in one.
			int warmupRuns = (coldWarmup > 0) ? warmUpOnce(scenarios, scenario, coldWarmup)
					: scenario.equals("C1") ? warmUpOnce(scenarios, scenario, size) : warmUp(scenarios, scenario, size);
			for (int run = 1; run <= runs; run++) {
				long allocated = allocatedBytes();
				Map<String, Double> result = new LinkedHashMap<>(scenarios.run(scenario, size));
				if (!scenario.equals("S5") && !scenario.equals("C1")) {
					result.put("alloc_b", (double) (allocatedBytes() - allocated) / size);
				}
				result.put("warmup_runs", (double) warmupRuns);
				System.out.println("RESULT " + result.entrySet()
					.stream()
					.map((entry) -> "\"" + entry.getKey() + "\":" + entry.getValue())
					.collect(Collectors.joining(",", "{", "}")));
			}
			System.out.flush();
			System.exit(0);
		}
		catch (Throwable ex) {
			System.out.println("FAILED " + ex);
			System.out.flush();
			System.exit(1);
		}
	}

	/** Full-size runs until one spent at most {@link #SETTLED_COMPILE_SHARE} of its time compiling. */
	private static int warmUp(Scenarios scenarios, String scenario, int size) throws Exception {
		CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
		for (int run = 1;; run++) {
			long compilingBefore = compiler.getTotalCompilationTime();
			long start = System.nanoTime();
			scenarios.run(scenario, size);
			double millis = (System.nanoTime() - start) / 1e6;
			long compiling = compiler.getTotalCompilationTime() - compilingBefore;
			if (run == MAX_WARMUP_RUNS || compiling <= millis * SETTLED_COMPILE_SHARE) {
				return run;
			}
		}
	}

	private static int warmUpOnce(Scenarios scenarios, String scenario, int warmup) throws Exception {
		scenarios.run(scenario, warmup);
		return 1;
	}

	/** What every thread of the process allocated so far, those that ended too. */
	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
	}

	static BenchClient.Library library(String peer) {
		return switch (peer) {
			case "ours" -> OurClient.library(null);
			case "ours-jdk" -> OurClient.library(WebSocketImplementation.JDK);
			case "ours-spring" -> OurClient.library(WebSocketImplementation.SPRING);
			case "ours-netty" -> OurClient.library(WebSocketImplementation.NETTY);
			case "io.socket" -> IoSocketClient::connect;
			case "jdk-raw" -> JdkRawClient::connect;
			case "netty-raw" -> NettyRawClient::connect;
			default -> throw new IllegalArgumentException("Unknown JVM peer " + peer);
		};
	}

}
