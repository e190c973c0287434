package io.github.springsocketio.autoconfigure;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.annotation.OnEvent;
import io.github.springsocketio.annotation.SocketIoListener;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.test.AutoConfigureSocketIoTestServer;
import io.github.springsocketio.test.SocketIoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @AutoConfigureSocketIoTestServer} on a {@code @SpringBootTest}: the auto-configured
 * client connects to the in-JVM server at startup, a listener receives, a service's emit gets its
 * ack, and the client comes back after the server restarts. The README's example.
 */
@SpringBootTest(classes = InJvmTestServerSpringBootTests.Application.class,
		properties = "socketio.client.reconnection.delay=100ms")
@AutoConfigureSocketIoTestServer
class InJvmTestServerSpringBootTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	SocketIoTestServer server;

	@Autowired
	SocketIoClient client;

	@Autowired
	Greetings greetings;

	@Autowired
	Orders orders;

	@Value("${socketio.client.url}")
	String url;

	@Test
	void pointsTheClientAtTheServer() {
		assertThat(this.url).isEqualTo(this.server.url());
		await().atMost(TIMEOUT).until(() -> this.server.connectedClients().size() == 1);
	}

	@Test
	void aListenerReceivesWhatTheServerEmits() throws Exception {
		await().atMost(TIMEOUT).until(() -> this.server.connectedClients().size() == 1);
		this.server.emit("greeting", "hello");
		assertThat(this.greetings.received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
	}

	@Test
	void aServiceEmitsAndGetsTheAck() throws Exception {
		this.server.on("order", (args, ack) -> ack.send("accepted " + args.get(0, String.class)));
		assertThat(this.orders.place("42").get(10, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("accepted 42");
		assertThat(this.server.awaitEvent("order", TIMEOUT).get(0, String.class)).isEqualTo("42");
	}

	@Test
	void theClientReconnectsAfterTheServerRestarts() {
		await().atMost(TIMEOUT).until(() -> this.client.isConnected());
		this.server.restart();
		await().atMost(TIMEOUT).until(() -> this.client.isConnected() && this.server.connectedClients().size() == 1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Greetings greetings() {
			return new Greetings();
		}

		@Bean
		Orders orders(SocketIoClient client) {
			return new Orders(client);
		}

	}

	@SocketIoListener
	static class Greetings {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@OnEvent("greeting")
		void greeting(String text) {
			this.received.add(text);
		}

	}

	@Service
	static class Orders {

		private final SocketIoClient client;

		Orders(SocketIoClient client) {
			this.client = client;
		}

		CompletableFuture<Arguments> place(String id) {
			return this.client.emitWithAck("order", id);
		}

	}

}
