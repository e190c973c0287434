package io.github.springsocketio.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.springsocketio.autoconfigure.SocketIoAutoConfiguration;
import io.github.springsocketio.health.SocketIoHealthIndicator;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SocketIoHealthContributorAutoConfiguration} against the reference Node server.
 */
class SocketIoHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SocketIoAutoConfiguration.class, SocketIoHealthContributorAutoConfiguration.class));

	@Test
	void isUpWhenConnectedDownWhenTheServerIsGoneAndUpAgainWhenItIsBack() throws Exception {
		SocketIoServerExtension server = SocketIoServerExtension.nodeReference().withPort(freePort());
		server.start();
		try {
			this.contextRunner
				.withPropertyValues("socketio.client.url=http://user:password@127.0.0.1:" + server.port(),
						"socketio.client.auth.token=secret-token", "socketio.client.headers.Authorization=Bearer secret-header",
						"socketio.client.reconnection.delay=200ms", "socketio.client.reconnection.max-delay=200ms")
				.run((context) -> {
					await().atMost(Duration.ofSeconds(10)).until(() -> health(context).getStatus().equals(Status.UP));
					Map<String, Object> details = health(context).getDetails();
					assertThat(details).containsEntry("transport", "websocket").containsEntry("state", "CONNECTED")
						.containsEntry("protocol", "v5")
						.containsEntry("namespaces", Map.of("/", "connected"))
						.containsEntry("reconnectAttempts", 0);
					assertThat(details.get("url").toString()).doesNotContain("password").doesNotContain("user");
					server.stop();
					await().atMost(Duration.ofSeconds(10)).until(() -> health(context).getStatus().equals(Status.DOWN));
					Instant lost = Instant.now();
					server.start();
					await().atMost(Duration.ofSeconds(10)).until(() -> health(context).getStatus().equals(Status.UP));
					assertThat(health(context).getDetails().toString()).doesNotContain("secret");
					// The last error stays, with when it happened.
					assertThat(health(context).getDetails()).containsKey("lastError");
					assertThat(Instant.parse(health(context).getDetails().get("lastErrorAt").toString()))
						.isBetween(lost.minusSeconds(10), Instant.now());
				});
		}
		finally {
			server.stop();
		}
	}

	@Test
	void namesProtocol4WithASocketIo2Server() throws Exception {
		SocketIoServerExtension server = SocketIoServerExtension.nodeGeneration(2);
		server.start();
		try {
			this.contextRunner.withPropertyValues("socketio.client.url=" + server.url(), "socketio.client.namespaces=/,/chat")
				.run((context) -> await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("protocol", "v4")
						.containsEntry("namespaces", Map.of("/", "connected", "/chat", "connected"));
				}));
		}
		finally {
			server.stop();
		}
	}

	@Test
	void isDownWithTheServersReasonWhenANamespaceIsRefused() throws Exception {
		SocketIoServerExtension server = SocketIoServerExtension.nodeReference();
		server.start();
		try {
			this.contextRunner.withPropertyValues("socketio.client.url=" + server.url(), "socketio.client.namespaces=/,/rejecting")
				.run((context) -> await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails().get("namespaces")).asString().contains("/rejecting=refused: not authorized");
				}));
		}
		finally {
			server.stop();
		}
	}

	@Test
	void canBeSwitchedOff() {
		this.contextRunner
			.withPropertyValues("socketio.client.url=http://localhost:1", "socketio.client.auto-connect=false",
					"management.health.socketio.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("socketIoHealthContributor"));
	}

	private static Health health(AssertableApplicationContext context) {
		CompositeHealthContributor composite = context.getBean("socketIoHealthContributor", CompositeHealthContributor.class);
		return ((SocketIoHealthIndicator) composite.getContributor("default")).health();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
