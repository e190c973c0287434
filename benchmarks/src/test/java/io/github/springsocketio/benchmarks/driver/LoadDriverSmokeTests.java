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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every scenario for every peer at a tiny size, so that the driver keeps working; the
 * figures themselves mean nothing here.
 */
class LoadDriverSmokeTests {

	@Test
	void runsEveryScenarioForEveryPeer() throws Exception {
		Results results = new LoadDriver(LoadDriver.ALL_SCENARIOS, LoadDriver.ALL_PEERS, 1, 0.002, "node4", 0).run();
		assertThat(results.failures()).isEmpty();
		for (String scenario : LoadDriver.ALL_SCENARIOS) {
			for (String peer : LoadDriver.ALL_PEERS) {
				assertThat(results.runs(scenario, peer)).as("%s %s", scenario, peer).hasSize(1);
				Map<String, Double> figures = results.runs(scenario, peer).get(0);
				assertThat(figures.values()).as("%s %s", scenario, peer).isNotEmpty().allMatch((value) -> value > 0);
			}
		}
		assertThat(results.markdown()).contains("| S1 fire-and-forget").contains("Warm-up runs (JVM peers").doesNotContain("failed");
	}

	@Test
	void runsTheWebSocketScenariosForTheRawFloorsAgainstTheInJvmServerWithAColdStart() throws Exception {
		List<String> scenarios = List.of("S1", "S2", "S3", "S4", "S5");
		List<String> peers = List.of("jdk-raw", "netty-raw");
		Results results = new LoadDriver(scenarios, peers, 1, 0.002, "jvm", 10).run();
		assertThat(results.failures()).isEmpty();
		for (String scenario : scenarios) {
			for (String peer : peers) {
				assertThat(results.runs(scenario, peer)).as("%s %s", scenario, peer).hasSize(1);
			}
		}
		assertThat(results.markdown()).contains("server jvm, warm-up of 10 operations (cold)");
	}

}
