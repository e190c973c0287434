package io.github.springsocketio.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.springsocketio.annotation.OnEvent;
import io.github.springsocketio.annotation.SocketIoListener;
import io.github.springsocketio.client.ConnectionState;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.InboundEvent;
import io.github.springsocketio.client.OutboundEvent;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured clients against the reference Node server: interceptor beans, named
 * clients, and a shutdown that flushes buffered emits.
 */
class SocketIoAutoConfigurationIntegrationTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SocketIoAutoConfiguration.class));

	@Test
	void appliesInterceptorBeansInOrderAndServesNamedClients() {
		this.contextRunner.withUserConfiguration(InterceptorConfiguration.class)
			.withPropertyValues("socketio.client.url=" + server.url(), "socketio.clients.second.url=" + server.url(),
					"socketio.clients.second.namespaces=/chat")
			.run((context) -> {
				InterceptorConfiguration configuration = context.getBean(InterceptorConfiguration.class);
				SocketIoClient primary = context.getBean(SocketIoClient.class);
				SocketIoClient second = context.getBean("secondSocketIoClient", SocketIoClient.class);
				assertThat(second).isNotSameAs(primary);
				assertThat(configuration.secondWelcome.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("/chat");
				CompletableFuture<List<Object>> echo = primary.emitWithAck("echo", "a").thenApply((args) -> args.toList());
				assertThat(echo.get(TIMEOUT, TimeUnit.SECONDS)).containsExactly("a", "first", "second");
				assertThat(configuration.seen).doesNotContain("welcome");
			});
	}

	@Test
	void flushesEmitsBufferedWhileReconnectingWhenTheContextCloses() throws Exception {
		// A short heartbeat: on the JDK WebSocket the client very rarely misses the server's stop
		// (about once in 30 runs under load, all its threads idle); the heartbeat then notices.
		SocketIoServerExtension restarting = SocketIoServerExtension.nodeReference()
			.withEnv("PING_INTERVAL", "1000")
			.withEnv("PING_TIMEOUT", "2000")
			.withPort(freePort());
		restarting.start();
		try {
			CompletableFuture<DisconnectReason> lost = new CompletableFuture<>();
			this.contextRunner
				.withPropertyValues("socketio.client.url=" + restarting.url(), "socketio.client.reconnection.delay=2s",
						"socketio.client.reconnection.max-delay=2s", "socketio.client.shutdown-timeout=5s")
				.run((context) -> {
					SocketIoClient client = context.getBean(SocketIoClient.class);
					client.socket("/").onDisconnect(lost::complete);
					client.connectAsync().get(TIMEOUT, TimeUnit.SECONDS);
					restarting.stop();
					awaitLoss(lost, client);
					assertThat(client.state()).isEqualTo(ConnectionState.RECONNECTING);
					client.emit("seq-ack", "flushed-at-shutdown", 0);
					restarting.start();
				});
			try (SocketIoClient checker = SocketIoClient.builder(restarting.url()).build()) {
				checker.connect();
				Map<?, ?> report = checker.call("seq-report", Map.class, "flushed-at-shutdown");
				assertThat(report.get("distinct")).isEqualTo(1);
			}
		}
		finally {
			restarting.stop();
		}
	}

	@Test
	void shutdownWaitsOnlyForClientsWithBufferedEmitsAndForAllAtOnce() throws Exception {
		String away = "http://127.0.0.1:" + freePort();
		AtomicLong closing = new AtomicLong();
		this.contextRunner
			.withPropertyValues("socketio.client.url=" + away, "socketio.clients.idle.url=" + away,
					"socketio.clients.busy.url=" + away, "socketio.clients.busier.url=" + away,
					"socketio.client.shutdown-timeout=30s", "socketio.clients.busy.shutdown-timeout=3s",
					"socketio.clients.busier.shutdown-timeout=3s")
			.run((context) -> {
				Map<String, SocketIoClient> clients = context.getBeansOfType(SocketIoClient.class);
				assertThat(clients).hasSize(4);
				await().atMost(Duration.ofSeconds(TIMEOUT))
					.until(() -> clients.values().stream().allMatch((client) -> client.state() == ConnectionState.RECONNECTING));
				context.getBean("busySocketIoClient", SocketIoClient.class).emit("buffered", 1);
				context.getBean("busierSocketIoClient", SocketIoClient.class).emit("buffered", 2);
				closing.set(System.nanoTime());
			});
		// Two clients without buffered emits do not wait their 30 s; the two with buffered emits wait
		// their 3 s side by side, not one after the other.
		assertThat(Duration.ofNanos(System.nanoTime() - closing.get())).isLessThan(Duration.ofMillis(5500));
	}

	/**
	 * Waits for the client to notice that the server is gone; when it does not, fails with what
	 * the client and its I/O threads were doing, so that a rare failure explains itself.
	 */
	private static void awaitLoss(CompletableFuture<DisconnectReason> lost, SocketIoClient client) throws Exception {
		try {
			lost.get(TIMEOUT, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			StringBuilder threads = new StringBuilder();
			Thread.getAllStackTraces().forEach((thread, stack) -> {
				if (thread.getName().startsWith("HttpClient") || thread.getName().startsWith("socketio-")) {
					threads.append(System.lineSeparator()).append(thread.getName()).append(' ').append(thread.getState());
					for (StackTraceElement element : stack) {
						threads.append(System.lineSeparator()).append("    at ").append(element);
					}
				}
			});
			throw new AssertionError("The client did not notice the server's stop within " + TIMEOUT + " s: " + client
					+ " on " + client.transport() + threads, ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class InterceptorConfiguration {

		final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

		final BlockingQueue<String> secondWelcome = new LinkedBlockingQueue<>();

		@Bean
		@Order(2)
		SocketIoInterceptor second() {
			return new SocketIoInterceptor() {

				@Override
				public OutboundEvent beforeSend(OutboundEvent event) {
					return append(event, "second");
				}

			};
		}

		@Bean
		@Order(1)
		SocketIoInterceptor first() {
			return new SocketIoInterceptor() {

				@Override
				public OutboundEvent beforeSend(OutboundEvent event) {
					return append(event, "first");
				}

				@Override
				public InboundEvent beforeHandle(InboundEvent event) {
					return (event.event().equals("welcome") && event.namespace().equals("/")) ? null : event;
				}

			};
		}

		@Bean
		SecondClientListener secondClientListener() {
			return new SecondClientListener(this.secondWelcome);
		}

		@Bean
		RootWelcomeListener rootWelcomeListener() {
			return new RootWelcomeListener(this.seen);
		}

		private static OutboundEvent append(OutboundEvent event, String value) {
			if (!event.event().equals("echo")) {
				return event;
			}
			List<Object> arguments = new java.util.ArrayList<>(event.arguments());
			arguments.add(value);
			return event.withArguments(arguments);
		}

	}

	@SocketIoListener
	static class RootWelcomeListener {

		private final List<String> seen;

		RootWelcomeListener(List<String> seen) {
			this.seen = seen;
		}

		@OnEvent
		void welcome(Map<String, Object> info) {
			this.seen.add("welcome");
		}

	}

	@SocketIoListener(client = "second", namespace = "/chat")
	static class SecondClientListener {

		private final BlockingQueue<String> welcome;

		SecondClientListener(BlockingQueue<String> welcome) {
			this.welcome = welcome;
		}

		@OnEvent
		void welcome(Map<String, Object> info) {
			this.welcome.add((String) info.get("namespace"));
		}

	}

}
