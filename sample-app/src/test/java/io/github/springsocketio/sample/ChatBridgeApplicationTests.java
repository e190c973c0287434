package io.github.springsocketio.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample end to end: a message posted over REST reaches the chat server, comes back to the
 * listener and shows in GET /messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatBridgeApplicationTests {

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@DynamicPropertySource
	static void chatServer(DynamicPropertyRegistry registry) {
		registry.add("socketio.client.url", server::url);
	}

	@LocalServerPort
	private int port;

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

}
