package io.github.springsocketio.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection-state recovery against the Node server with {@code connectionStateRecovery} on
 * (conformance scenarios 51, 53, 54, 55).
 */
class RecoveryInteropTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference().withEnv("RECOVERY", "1");

	@RegisterExtension
	final TestClients clients = new TestClients();

	@ParameterizedTest
	@EnumSource(TransportMode.class)
	void receivesWhatWasMissedAfterReconnectingAndKnowsItRecovered(TransportMode mode) throws Exception {
		SocketIoClient client = this.clients.create(server.url(), mode,
				(builder) -> builder.reconnection(Reconnection.exponential(Duration.ofMillis(100), Duration.ofMillis(200))));
		List<String> events = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch missed = new CountDownLatch(3);
		client.onAny((event, args, ack) -> {
			events.add(event + args.toList());
			if (event.equals("missed")) {
				missed.countDown();
			}
		});
		CompletableFuture<Integer> reconnected = new CompletableFuture<>();
		client.onReconnect(reconnected::complete);
		client.connect();
		SocketIoSocket socket = client.socket("/");
		String id = socket.id();
		assertThat(socket.recovered()).isFalse();
		client.emit("emit-many", 2, "before");
		client.emit("drop-transport", 3);
		assertThat(reconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(missed.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
		assertThat(socket.recovered()).isTrue();
		assertThat(socket.id()).isEqualTo(id);
		List<String> received;
		synchronized (events) {
			received = new ArrayList<>(events);
		}
		assertThat(received).containsSubsequence("before[0]", "before[1]", "missed[0]", "missed[1]", "missed[2]");
		assertThat(received.stream().filter((event) -> event.startsWith("missed"))).containsExactly("missed[0]",
				"missed[1]", "missed[2]");
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(TransportMode.class)
	void keepsTheLastArgumentOfEventsThatAskForAnAck(TransportMode mode) throws Exception {
		SocketIoClient client = this.clients.create(server.url(), mode);
		CompletableFuture<Arguments> request = new CompletableFuture<>();
		client.on("server-request", (args, ack) -> {
			request.complete(args);
			ack.send("done");
		});
		client.connect();
		client.emit("request-ack", "payload");
		assertThat(request.get(TIMEOUT, TimeUnit.SECONDS).toList()).containsExactly("payload");
	}

	@Test
	void startsAFreshSessionWhenTheServerLostIt() throws Exception {
		SocketIoServerExtension restarting = SocketIoServerExtension.nodeReference().withEnv("RECOVERY", "1")
			.withPort(freePort());
		restarting.start();
		try {
			SocketIoClient client = this.clients.create(restarting.url(), TransportMode.WEBSOCKET,
					(builder) -> builder.reconnection(Reconnection.exponential(Duration.ofMillis(100), Duration.ofMillis(200))));
			CompletableFuture<Integer> reconnected = new CompletableFuture<>();
			client.onReconnect(reconnected::complete);
			CompletableFuture<Void> welcome = new CompletableFuture<>();
			client.on("welcome", (args, ack) -> welcome.complete(null));
			client.connect();
			welcome.get(TIMEOUT, TimeUnit.SECONDS);
			String id = client.socket("/").id();
			restarting.stop();
			restarting.start();
			reconnected.get(TIMEOUT, TimeUnit.SECONDS);
			assertThat(client.socket("/").recovered()).isFalse();
			assertThat(client.socket("/").id()).isNotEqualTo(id);
			assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
		}
		finally {
			restarting.stop();
		}
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
