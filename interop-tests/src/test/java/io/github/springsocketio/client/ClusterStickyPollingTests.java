package io.github.springsocketio.client;

import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springsocketio.test.ClusterNode;
import io.github.springsocketio.test.SocketIoCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long-polling behind a load balancer that balances every request: only the sticky-session
 * cookie, which the client keeps and sends, gets a session's requests to the node that knows it.
 */
class ClusterStickyPollingTests {

	@RegisterExtension
	static final SocketIoCluster cluster = SocketIoCluster.redisAdapter();

	@RegisterExtension
	final TestClients clients = new TestClients();

	@Test
	void fiftyClientsReconnectingAHundredTimesEachNeverReachANodeThatDoesNotKnowTheirSession() {
		int count = 50;
		int rounds = 100;
		int errorsBefore = unknownSessionErrors();
		AtomicInteger reconnects = new AtomicInteger();
		List<SocketIoClient> polling = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			SocketIoClient client = this.clients.create(cluster.url(), TransportMode.POLLING,
					(builder) -> builder.reconnection(Reconnection.exponential(Duration.ofMillis(10), Duration.ofMillis(50))));
			client.onReconnect((attempt) -> reconnects.incrementAndGet());
			client.connect();
			polling.add(client);
		}
		for (int round = 1; round <= rounds; round++) {
			int expected = round * count;
			cluster.nodes().forEach(ClusterNode::dropConnections);
			await().atMost(Clusters.TIMEOUT)
				.until(() -> reconnects.get() >= expected && polling.stream().allMatch(SocketIoClient::isConnected));
		}
		assertThat(reconnects).hasValue(count * rounds);
		assertThat(unknownSessionErrors() - errorsBefore).isZero();
	}

	@Test
	void aClientThatDropsTheCookieMeetsNodesThatDoNotKnowItsSession() {
		int errorsBefore = unknownSessionErrors();
		SocketIoClient forgetful = this.clients.create(cluster.url(), TransportMode.POLLING,
				(builder) -> builder.cookieStore(new ForgetfulCookieStore()));
		forgetful.connectAsync();
		await().atMost(Clusters.TIMEOUT).until(() -> unknownSessionErrors() > errorsBefore);
	}

	private static int unknownSessionErrors() {
		return cluster.nodes().stream().mapToInt(ClusterNode::unknownSessionErrors).sum();
	}

	/** Keeps no cookie. */
	private static final class ForgetfulCookieStore implements CookieStore {

		@Override
		public void add(URI uri, HttpCookie cookie) {
		}

		@Override
		public List<HttpCookie> get(URI uri) {
			return List.of();
		}

		@Override
		public List<HttpCookie> getCookies() {
			return List.of();
		}

		@Override
		public List<URI> getURIs() {
			return List.of();
		}

		@Override
		public boolean remove(URI uri, HttpCookie cookie) {
			return false;
		}

		@Override
		public boolean removeAll() {
			return false;
		}

	}

}
