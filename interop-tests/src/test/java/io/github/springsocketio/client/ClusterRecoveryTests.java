package io.github.springsocketio.client;

import java.net.CookieManager;
import java.net.CookieStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.springsocketio.test.ChaosProxy;
import io.github.springsocketio.test.ClusterNode;
import io.github.springsocketio.test.SocketIoCluster;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connection-state recovery behind the load balancer, after a network cut between the client and
 * the load balancer (a {@link ChaosProxy}): on the other node through the Redis Streams adapter,
 * and on the same node, which the sticky-session cookie leads the client back to, without one.
 */
class ClusterRecoveryTests {

	private static final int MISSED = 5;

	/**
	 * A node notices a long-polling client that vanished only when its heartbeat expires (its
	 * held request is not cut with the client's connection), and stores the session to recover
	 * only then: one second, not the default 45.
	 */
	private static final String HEARTBEAT = "1000";

	/**
	 * Cuts the client off, emits {@code MISSED} events to its room while it is away, then lets it
	 * reconnect: it must come back recovered, with every missed event once and in order.
	 * @param fromOtherNode whether the other node emits them (else the client's own)
	 * @param afterCut what happens to the client's cookies during the cut
	 */
	static void recoversWhatItMissedAfterACut(SocketIoCluster cluster, TestClients clients, TransportMode mode,
			boolean fromOtherNode, AfterCut afterCut) throws Exception {
		try (ChaosProxy proxy = ChaosProxy.to(cluster.port())) {
			CookieStore cookies = new CookieManager().getCookieStore();
			SocketIoClient client = clients.create(proxy.url(), mode,
					(builder) -> builder.cookieStore(cookies)
						.auth(Map.of("rooms", List.of("live")))
						.reconnection(Reconnection.exponential(Duration.ofMillis(100), Duration.ofMillis(300))));
			BlockingQueue<Object> received = new LinkedBlockingQueue<>();
			client.on("seq", (args, ack) -> received.add(args.toList()));
			CompletableFuture<Integer> reconnected = new CompletableFuture<>();
			client.onReconnect(reconnected::complete);
			client.connect();
			ClusterNode own = cluster.nodeOf("/", client.socket("/").id()).orElseThrow();
			String id = client.socket("/").id();
			// A first room event gives the client the offset that recovery starts from.
			own.emitToRoom("/", "live", "seq", -1);
			assertThat(received.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(List.of(-1));

			proxy.cutOff();
			await().atMost(Clusters.TIMEOUT).until(() -> !client.isConnected());
			await().atMost(Clusters.TIMEOUT).until(() -> own.clientIds("/").isEmpty());
			ClusterNode sender = fromOtherNode ? cluster.other(own) : own;
			sender.emitSequence("/", "live", "seq", MISSED, Duration.ZERO);
			await().atMost(Clusters.TIMEOUT).until(sender::sequenceDone);
			ClusterNode expected = afterCut.apply(cluster, cookies, own);
			proxy.restore();

			assertThat(reconnected.get(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isPositive();
			assertThat(client.socket("/").recovered()).isTrue();
			assertThat(client.socket("/").id()).isEqualTo(id);
			assertThat(cluster.nodeOf("/", id)).contains(expected);
			for (int i = 0; i < MISSED; i++) {
				assertThat(received.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(List.of(i));
			}
			own.emitToRoom("/", "live", "seq", "after");
			assertThat(received.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("no duplicate before it")
				.isEqualTo(List.of("after"));
		}
	}

	/** What a test does to the client's cookies while it is cut off; answers the node it expects. */
	@FunctionalInterface
	interface AfterCut {

		ClusterNode apply(SocketIoCluster cluster, CookieStore cookies, ClusterNode own);

	}

	@Nested
	class OnTheOtherNodeThroughRedisStreams {

		@RegisterExtension
		static final SocketIoCluster cluster = SocketIoCluster.redisStreamsAdapter()
			.withEnv("PING_INTERVAL", HEARTBEAT)
			.withEnv("PING_TIMEOUT", HEARTBEAT);

		@RegisterExtension
		final TestClients clients = new TestClients();

		@ParameterizedTest
		@MethodSource("io.github.springsocketio.client.Clusters#transports")
		void recovers(TransportMode mode) throws Exception {
			recoversWhatItMissedAfterACut(cluster, this.clients, mode, true, (cluster, cookies, own) -> {
				ClusterNode other = cluster.other(own);
				Clusters.stick(cookies, cluster, other);
				return other;
			});
		}

	}

	@Nested
	class BackOnItsOwnNodeWithoutAnAdapter {

		@RegisterExtension
		static final SocketIoCluster cluster = SocketIoCluster.withoutAdapter()
			.withEnv("PING_INTERVAL", HEARTBEAT)
			.withEnv("PING_TIMEOUT", HEARTBEAT);

		@RegisterExtension
		final TestClients clients = new TestClients();

		static Stream<TransportMode> transports() {
			return Stream.concat(Clusters.transports(), Stream.of(TransportMode.WEBSOCKET_JDK));
		}

		@ParameterizedTest
		@MethodSource("transports")
		void recovers(TransportMode mode) throws Exception {
			// Nodes that share nothing: only the client's own node has its room and its session.
			recoversWhatItMissedAfterACut(cluster, this.clients, mode, false, (cluster, cookies, own) -> {
				assertThat(Clusters.cookieValues(cookies)).as("the load balancer's cookie").containsExactly(own.name());
				return own;
			});
		}

	}

}
