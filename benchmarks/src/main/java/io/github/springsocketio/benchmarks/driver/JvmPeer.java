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

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.springsocketio.client.WebSocketImplementation;

/**
 * One JVM peer in its own process, as the driver starts it:
 * {@code JvmPeer <peer> <scenario> <url> <runs> <scale> [<warm-up size>]}. Runs the scenario once as
 * a warm-up (at full size, so that the JIT compiler is done, unless a warm-up size is given: a cold
 * start), then {@code runs} times, printing {@code RESULT {json}} per measured run or
 * {@code FAILED <reason>}. A run also reports the bytes the whole process allocated per event or ack
 * (S5 and C1, whose sizes count connections, excepted).
 */
public final class JvmPeer {

	private JvmPeer() {
	}

	public static void main(String[] args) {
		String peer = args[0];
		String scenario = args[1];
		int runs = Integer.parseInt(args[3]);
		int size = (int) Math.max(1, Math.round(Scenarios.SIZES.get(scenario) * Double.parseDouble(args[4])));
		int warmup = (args.length > 5 && Integer.parseInt(args[5]) > 0) ? Math.min(size, Integer.parseInt(args[5])) : size;
		Scenarios scenarios = new Scenarios(library(peer), args[2]);
		try {
			scenarios.run(scenario, warmup);
			for (int run = 1; run <= runs; run++) {
				long allocated = allocatedBytes();
				Map<String, Double> result = new LinkedHashMap<>(scenarios.run(scenario, size));
				if (!scenario.equals("S5") && !scenario.equals("C1")) {
					result.put("alloc_b", (double) (allocatedBytes() - allocated) / size);
				}
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
