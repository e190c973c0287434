package io.github.springsocketio.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries with ack timeout against the reference Node server (conformance scenario 45).
 */
class RetryInteropTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@RegisterExtension
	final TestClients clients = new TestClients();

	private SocketIoClient client(int retries) {
		SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET,
				(builder) -> builder.retries(retries).ackTimeout(Duration.ofMillis(200)));
		client.connect();
		return client;
	}

	@Test
	void sendsAgainAfterEachAckTimeoutUntilAcknowledged() throws Exception {
		SocketIoClient client = client(3);
		Arguments reply = client.emitWithAck("ack-on-try", "k", 3).get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(reply.toList()).containsExactly("k", 3);
	}

	@Test
	void failsOnceOutOfRetries() {
		SocketIoClient client = client(1);
		assertThat(client.emitWithAck("ack-on-try", "k", 5)).failsWithin(TIMEOUT, TimeUnit.SECONDS)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(AckTimeoutException.class)
			.withMessageContaining("2 tries");
	}

	@Test
	void sendsOneAtATimeInOrder() throws Exception {
		SocketIoClient client = client(3);
		client.emit("ack-on-try", "a", 2);
		CompletableFuture<Arguments> b = client.emitWithAck("ack-on-try", "b", 1);
		client.emit("ack-on-try", "c", 1);
		assertThat(b.get(TIMEOUT, TimeUnit.SECONDS).toList()).containsExactly("b", 1);
		CompletableFuture<Arguments> last = client.emitWithAck("ack-on-try", "d", 1);
		last.get(TIMEOUT, TimeUnit.SECONDS);
		Map<?, ?> stats = client.socket("/").timeout(Duration.ofSeconds(TIMEOUT)).call("stats", Map.class);
		assertThat(stats.get("receipts")).isEqualTo(List.of("a", "a", "b", "c", "d"));
	}

}
