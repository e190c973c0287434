package io.github.springsocketio.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.test.AutoConfigureSocketIoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample end to end: a message posted over REST reaches the chat server, comes back to the
 * listener and shows in GET /messages. The chat server is the in-JVM test server playing the
 * chat room, so these tests need no Node.js. {@code ./mvnw verify} runs them twice: as usual, and
 * on the context that {@code process-test-aot} generated ({@code spring.aot.enabled}, in the
 * {@code aot} execution of the surefire plugin in {@code pom.xml}), as a native image runs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureSocketIoTestServer
@Import(ChatRoomConfiguration.class)
class ChatBridgeApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void postsAMessageAndReadsItBack() {
		RestClient rest = RestClient.create("http://localhost:" + this.port);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			Map<String, Object> confirmation = rest.post().uri("/messages")
				.body(Map.of("author", "ada", "text", "hello"))
				.header("Content-Type", "application/json")
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(confirmation).containsEntry("delivered", true);
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<Map<String, Object>> messages = rest.get().uri("/messages").retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(messages).anySatisfy((message) -> assertThat(message).containsEntry("author", "ada")
				.containsEntry("text", "hello"));
		});
	}

	@Test
	void showsTheClientInHealthAndPrometheus() {
		RestClient rest = RestClient.create("http://localhost:" + this.port);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			Map<String, Object> health = rest.get().uri("/actuator/health/socketIo").retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(health).containsEntry("status", "UP");
			assertThat(health).extractingByKey("components").asString().contains("default").contains("connected");
		});
		rest.post().uri("/messages").body(Map.of("author", "grace", "text", "metrics")).header("Content-Type",
				"application/json").retrieve().toBodilessEntity();
		String scrape = rest.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(scrape).contains("socketio_client_connected{client=\"default\",namespace=\"/\"} 1")
			.containsPattern("socketio_client_events_sent_total\\{client=\"default\",event=\"chat\",namespace=\"/\"} [1-9]")
			.contains("socketio_client_ack_seconds_count{client=\"default\",namespace=\"/\",outcome=\"ok\"}");
	}

	@Test
	void runsOnTheGeneratedContextInTheAotExecution() {
		boolean aot = Boolean.getBoolean("sample.aot-execution");
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isEqualTo(aot);
		AbstractBeanDefinition listener = (AbstractBeanDefinition) this.context.getBeanFactory()
			.getMergedBeanDefinition("recentMessages");
		assertThat(listener.getInstanceSupplier() != null).as("the listener's bean definition is generated code")
			.isEqualTo(aot);
	}

}
