package io.github.springsocketio.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.ClusterNode;
import io.github.springsocketio.test.SocketIoCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node dies under its clients: they reconnect through the load balancer to a surviving node,
 * rejoin every namespace, and lose nothing they emitted with retries.
 */
class ClusterFailoverTests {

	@RegisterExtension
	static final SocketIoCluster cluster = SocketIoCluster.redisAdapter();

	@RegisterExtension
	final TestClients clients = new TestClients();

	@AfterEach
	void everyNodeRuns() {
		cluster.nodes().forEach(ClusterNode::start);
	}

	@ParameterizedTest
	@MethodSource("io.github.springsocketio.client.Clusters#transports")
	void reconnectsToTheSurvivingNodeRejoinsEveryNamespaceAndKeepsReceiving(TransportMode mode) throws Exception {
		SocketIoClient client = this.clients.create(cluster.url(), mode, (builder) -> builder.namespaces("/", "/admin")
			.auth(Map.of("rooms", List.of("news")))
			.reconnection(Clusters.fastReconnection()));
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		for (String namespace : List.of("/", "/admin")) {
			client.socket(namespace).on("headline", (args, ack) -> received.add(namespace + " " + args.get(0, String.class)));
		}
		CompletableFuture<Integer> reconnected = new CompletableFuture<>();
		client.onReconnect(reconnected::complete);
		client.connect();
		ClusterNode own = Clusters.nodeOf(cluster, client, "/");
		assertThat(Clusters.nodeOf(cluster, client, "/admin")).isSameAs(own);

		own.kill();
		assertThat(reconnected.get(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isPositive();
		ClusterNode survivor = cluster.other(own);
		await().atMost(Clusters.TIMEOUT)
			.until(() -> client.socket("/").isConnected() && client.socket("/admin").isConnected());
		assertThat(Clusters.nodeOf(cluster, client, "/")).isSameAs(survivor);
		assertThat(Clusters.nodeOf(cluster, client, "/admin")).isSameAs(survivor);
		own.start();
		for (String namespace : List.of("/", "/admin")) {
			own.emitToRoom(namespace, "news", "headline", "after");
			assertThat(received.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(namespace + " after");
		}
	}

	@Test
	void failsOverFiveTimesInARow() throws Exception {
		SocketIoClient client = this.clients.create(cluster.url(), TransportMode.WEBSOCKET_NETTY,
				(builder) -> builder.reconnection(Clusters.fastReconnection()));
		BlockingQueue<Integer> reconnects = new LinkedBlockingQueue<>();
		client.onReconnect(reconnects::add);
		client.connect();
		List<Long> failoverMillis = new ArrayList<>();
		for (int kill = 0; kill < 5; kill++) {
			ClusterNode own = Clusters.nodeOf(cluster, client, "/");
			long killed = System.nanoTime();
			own.kill();
			assertThat(reconnects.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
			failoverMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
			assertThat(Clusters.nodeOf(cluster, client, "/")).isSameAs(cluster.other(own));
			own.start();
		}
		System.out.println("cluster failover, kill to reconnected (ms): " + failoverMillis);
	}

	@Test
	void losesNoAcknowledgedEmitWithRetriesAcrossTwoNodeDeaths() throws Exception {
		int total = 10_000;
		String key = "retries-" + System.nanoTime();
		SocketIoClient client = this.clients.create(cluster.url(), TransportMode.WEBSOCKET_NETTY,
				(builder) -> builder.retries(5)
					.ackTimeout(Duration.ofSeconds(2))
					.sendBufferMaxPackets(total)
					.reconnection(Clusters.fastReconnection()));
		BlockingQueue<Integer> reconnects = new LinkedBlockingQueue<>();
		client.onReconnect(reconnects::add);
		client.connect();
		List<CompletableFuture<Arguments>> acks = new ArrayList<>(total);
		for (int n = 0; n < total; n++) {
			acks.add(client.emitWithAck("record", key, n));
		}
		for (int killAt : List.of(total / 3, 2 * total / 3)) {
			acks.get(killAt).get(60, TimeUnit.SECONDS);
			ClusterNode own = cluster.nodeOf("/", client.socket("/").id()).orElseThrow();
			own.kill();
			assertThat(reconnects.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
			own.start();
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
		for (int n = 0; n < total; n++) {
			assertThat(acks.get(n).get().get(0, Integer.class)).isEqualTo(n);
		}
		List<Long> receipts = cluster.node(0).receipts(key);
		List<Long> firstArrivals = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (long n : receipts) {
			if (seen.add(n)) {
				firstArrivals.add(n);
			}
		}
		assertThat(firstArrivals).hasSize(total).isSorted();
		System.out.println("cluster retries: " + total + " acknowledged, " + (receipts.size() - total)
				+ " duplicate receipts across two node deaths");
	}

}
