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
package io.github.springsocketio.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springsocketio.test.AutoConfigureSocketIoTestServer;
import io.github.springsocketio.test.SocketIoTestServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keeps {@code dashboards/socketio-client.json} in step with the meters: every
 * {@code socketio_client_*} name its queries use must be in the sample's real
 * {@code /actuator/prometheus} once every meter has seen traffic, and every
 * {@code socketio_client_*} family there must be on the dashboard. Percentile histograms are on,
 * as the README tells dashboard users to do, so that the {@code _bucket} series exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"management.metrics.distribution.percentiles-histogram.socketio.client.handler=true",
		"management.metrics.distribution.percentiles-histogram.socketio.client.ack=true" })
@AutoConfigureSocketIoTestServer
@Import(ChatRoomConfiguration.class)
class DashboardQueriesTests {

	private static final Path DASHBOARD = Path.of("../dashboards/socketio-client.json");

	private static final Pattern METRIC = Pattern.compile("socketio_client_[A-Za-z0-9_]*");

	private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE (socketio_client_[A-Za-z0-9_]*) ");

	/** Sample names of a family: the family itself or the family with one of these suffixes. */
	private static final Pattern SAMPLE_SUFFIX = Pattern.compile("(_bucket|_count|_sum|_total)?");

	/**
	 * Families of the scrape that the dashboard need not show, each with why. Empty: every meter
	 * is on the dashboard.
	 */
	private static final Map<String, String> NOT_ON_DASHBOARD = Map.of();

	@LocalServerPort
	private int port;

	@Autowired
	private SocketIoTestServer server;

	@Autowired
	private MeterRegistry registry;

	@Test
	void everyQueryOfTheDashboardIsInTheScrapeAndEveryMeterIsOnTheDashboard() {
		RestClient rest = RestClient.create("http://localhost:" + this.port);
		awaitUp(rest);
		// An ack'd emit (events sent, ack timer), which the chat room echoes (events received, handler timer).
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			Map<String, Object> confirmation = rest.post().uri("/messages")
				.body(Map.of("author", "ada", "text", "hello"))
				.header("Content-Type", "application/json")
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(confirmation).containsEntry("delivered", true);
		});
		// An event the sample's listener handles, straight from the server.
		this.server.emit("chat", Map.of("author", "grace", "text", "from the server", "at", 1L));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(texts(rest)).contains("from the server"));
		// No handler takes 'typing': the client keeps 1,000 such events for receive() and drops the oldest.
		for (int i = 0; i <= 1_000; i++) {
			this.server.emit("typing", "ada");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.registry.find("socketio.client.events.dropped")
			.tag("reason", "unreceived")
			.counter() != null);
		// The server goes away and comes back: a disconnect, a reconnect attempt, a second connect.
		this.server.restart();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.registry.find("socketio.client.disconnects").counter() != null
					&& this.registry.get("socketio.client.reconnect.attempts").counter().count() >= 1);
		awaitUp(rest);
		Map<String, Set<String>> used = metricsOnDashboard();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<String> lines = scrape(rest).lines().toList();
			assertThat(used.entrySet().stream()
				.filter((metric) -> lines.stream().noneMatch((line) -> line.startsWith(metric.getKey() + "{")
						|| line.startsWith(metric.getKey() + " ")))
				.map((metric) -> metric.getKey() + " (used by " + String.join(", ", metric.getValue()) + ")"))
				.as("metrics that the dashboard queries but /actuator/prometheus does not expose")
				.isEmpty();
		});
		Set<String> families = new TreeSet<>();
		Matcher type = TYPE.matcher(scrape(rest));
		while (type.find()) {
			families.add(type.group(1));
		}
		assertThat(families).as("socketio_client_* families in /actuator/prometheus").isNotEmpty();
		assertThat(families.stream()
			.filter((family) -> !NOT_ON_DASHBOARD.containsKey(family))
			.filter((family) -> used.keySet().stream().noneMatch((name) -> name.startsWith(family)
					&& SAMPLE_SUFFIX.matcher(name.substring(family.length())).matches())))
			.as("meters in /actuator/prometheus that no panel of " + DASHBOARD + " shows")
			.isEmpty();
	}

	private void awaitUp(RestClient rest) {
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
			Map<String, Object> health = rest.get().uri("/actuator/health/socketIo").retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(health).containsEntry("status", "UP");
		});
	}

	private String scrape(RestClient rest) {
		return rest.get().uri("/actuator/prometheus").retrieve().body(String.class);
	}

	private List<Object> texts(RestClient rest) {
		List<Map<String, Object>> messages = rest.get().uri("/messages").retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return messages.stream().map((message) -> message.get("text")).toList();
	}

	/**
	 * The {@code socketio_client_*} names of the dashboard's queries, each with where it is used.
	 */
	private static Map<String, Set<String>> metricsOnDashboard() {
		JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
		Map<String, Set<String>> used = new TreeMap<>();
		collectPanels(dashboard.path("panels"), used);
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			String where = "templating variable '" + variable.path("name").asString() + "'";
			JsonNode query = variable.path("query");
			collect(query.isString() ? query.asString() : query.path("query").asString(), where, used);
		}
		assertThat(used).as("socketio_client_* metrics in " + DASHBOARD).isNotEmpty();
		return used;
	}

	private static void collectPanels(JsonNode panels, Map<String, Set<String>> used) {
		for (JsonNode panel : panels) {
			String where = "panel '" + panel.path("title").asString() + "'";
			for (JsonNode target : panel.path("targets")) {
				collect(target.path("expr").asString(), where, used);
			}
			collectPanels(panel.path("panels"), used);
		}
	}

	private static void collect(String query, String where, Map<String, Set<String>> used) {
		Matcher metric = METRIC.matcher(query);
		while (metric.find()) {
			used.computeIfAbsent(metric.group(), (name) -> new TreeSet<>()).add(where);
		}
	}

}
