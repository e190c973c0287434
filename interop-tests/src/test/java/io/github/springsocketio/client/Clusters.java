package io.github.springsocketio.client;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.springsocketio.test.ClusterNode;
import io.github.springsocketio.test.SocketIoCluster;

/**
 * What the cluster tests share: the transports they run on, finding the node a client is on, and
 * sending a client to a node of the test's choice.
 */
final class Clusters {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** The load balancer's sticky-session cookie. */
	static final String COOKIE = "lb";

	private Clusters() {
	}

	/**
	 * WebSocket, long-polling, and long-polling with the upgrade, on the default stack.
	 */
	static Stream<TransportMode> transports() {
		return Stream.of(TransportMode.WEBSOCKET_NETTY, TransportMode.POLLING, TransportMode.UPGRADE_NETTY);
	}

	static Reconnection fastReconnection() {
		return Reconnection.exponential(Duration.ofMillis(100), Duration.ofMillis(500));
	}

	/**
	 * The node the client's socket in a namespace is connected to, as the node itself says.
	 */
	static ClusterNode nodeOf(SocketIoCluster cluster, SocketIoClient client, String namespace) {
		@SuppressWarnings("unchecked")
		Map<String, Object> whoami = client.socket(namespace).call("whoami", Map.class);
		String name = String.valueOf(whoami.get("node"));
		return cluster.nodes().stream().filter((node) -> node.name().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * A cookie store holding the load balancer's cookie for a node, so that a client with it
	 * connects to that node.
	 */
	static CookieStore stickyTo(SocketIoCluster cluster, ClusterNode node) {
		CookieStore store = new CookieManager().getCookieStore();
		stick(store, cluster, node);
		return store;
	}

	static void stick(CookieStore store, SocketIoCluster cluster, ClusterNode node) {
		HttpCookie cookie = new HttpCookie(COOKIE, node.name());
		cookie.setPath("/");
		cookie.setVersion(0);
		store.removeAll();
		store.add(URI.create(cluster.url() + "/"), cookie);
	}

	static List<String> cookieValues(CookieStore store) {
		return store.getCookies().stream().filter((cookie) -> cookie.getName().equals(COOKIE)).map(HttpCookie::getValue).toList();
	}

}
