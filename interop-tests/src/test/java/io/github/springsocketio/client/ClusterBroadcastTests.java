package io.github.springsocketio.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Broadcasts and room emits across the nodes of a cluster that shares them through the Redis
 * adapter, and Redis restarting under connected clients.
 */
class ClusterBroadcastTests {

	@RegisterExtension
	static final SocketIoCluster cluster = SocketIoCluster.redisAdapter();

	@RegisterExtension
	final TestClients clients = new TestClients();

	@AfterEach
	void redisRuns() {
		cluster.startRedis();
	}

	@ParameterizedTest
	@MethodSource("io.github.springsocketio.client.Clusters#transports")
	void broadcastsAndRoomEmitsOfEitherNodeReachAClientOnTheOther(TransportMode mode) throws Exception {
		SocketIoClient client = this.clients.create(cluster.url(), mode,
				(builder) -> builder.auth(Map.of("rooms", List.of("news"))));
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		client.onAny((event, args, ack) -> received.add(event + args.toList()));
		client.connect();
		ClusterNode own = Clusters.nodeOf(cluster, client, "/");
		ClusterNode other = cluster.other(own);
		for (ClusterNode node : List.of(other, own)) {
			node.broadcast("/", "everyone", node.name());
			assertThat(received.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("everyone[" + node.name() + "]");
			node.emitToRoom("/", "news", "headline", node.name());
			assertThat(received.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("headline[" + node.name() + "]");
			node.emitToRoom("/", "sports", "score", node.name());
		}
		other.broadcast("/", "last");
		assertThat(received.poll(Clusters.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("an emit to a room the client is not in")
			.isEqualTo("last[]");
	}

	@Test
	void clientsStayOnTheirNodesWhileRedisRestartsAndBroadcastsResumeAfter() {
		ClusterNode first = cluster.node(0);
		ClusterNode second = cluster.node(1);
		AtomicInteger disconnects = new AtomicInteger();
		BlockingQueue<String> onSecond = new LinkedBlockingQueue<>();
		SocketIoClient clientOfFirst = this.clients.create(cluster.url(), TransportMode.WEBSOCKET_NETTY,
				(builder) -> builder.cookieStore(Clusters.stickyTo(cluster, first)));
		SocketIoClient clientOfSecond = this.clients.create(cluster.url(), TransportMode.WEBSOCKET_NETTY,
				(builder) -> builder.cookieStore(Clusters.stickyTo(cluster, second)));
		for (SocketIoClient client : List.of(clientOfFirst, clientOfSecond)) {
			client.socket("/").onDisconnect((reason) -> disconnects.incrementAndGet());
			client.connect();
		}
		clientOfSecond.on("tick", (args, ack) -> onSecond.add(args.get(0, String.class)));
		assertThat(Clusters.nodeOf(cluster, clientOfFirst, "/")).isSameAs(first);
		assertThat(Clusters.nodeOf(cluster, clientOfSecond, "/")).isSameAs(second);
		first.broadcast("/", "tick", "before");
		await().atMost(Clusters.TIMEOUT).until(() -> "before".equals(onSecond.poll()));

		cluster.stopRedis();
		cluster.startRedis();
		AtomicInteger sent = new AtomicInteger();
		await().atMost(Clusters.TIMEOUT).until(() -> {
			first.broadcast("/", "tick", "after-" + sent.incrementAndGet());
			return onSecond.poll(100, TimeUnit.MILLISECONDS) != null;
		});
		assertThat(disconnects).hasValue(0);
		assertThat(clientOfFirst.isConnected()).isTrue();
		assertThat(clientOfSecond.isConnected()).isTrue();
		assertThat(Clusters.nodeOf(cluster, clientOfFirst, "/")).isSameAs(first);
		assertThat(Clusters.nodeOf(cluster, clientOfSecond, "/")).isSameAs(second);
	}

}
