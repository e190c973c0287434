package io.github.springsocketio.autoconfigure;

import java.time.Duration;

import io.github.springsocketio.autoconfigure.health.SocketIoHealthContributorAutoConfiguration;
import io.github.springsocketio.autoconfigure.metrics.SocketIoMetricsAutoConfiguration;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.health.SocketIoHealthIndicator;
import io.github.springsocketio.test.ClusterNode;
import io.github.springsocketio.test.SocketIoCluster;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Spring layer when the node the client is on dies behind the load balancer of a cluster: the
 * health is down while the client reconnects and up once it is on another node, and the meters
 * count the disconnect and the reconnection.
 */
class ClusterFailoverSpringTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final SocketIoCluster cluster = SocketIoCluster.redisAdapter();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withBean(SimpleMeterRegistry.class)
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MetricsAutoConfiguration.class,
				SocketIoAutoConfiguration.class, SocketIoMetricsAutoConfiguration.class,
				SocketIoHealthContributorAutoConfiguration.class))
		// A reconnection delay long enough for the test to see the health down in between.
		.withPropertyValues("management.metrics.use-global-registry=false", "socketio.client.url=" + cluster.url(),
				"socketio.client.reconnection.delay=1s", "socketio.client.reconnection.max-delay=1s");

	@Test
	void healthIsDownWhileTheClientReconnectsAfterItsNodeDiedAndMetersCountIt() {
		this.contextRunner.run((context) -> {
			SocketIoClient client = context.getBean(SocketIoClient.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(TIMEOUT).until(() -> health(context) == Status.UP);
			ClusterNode own = cluster.nodeOf("/", client.socket("/").id()).orElseThrow();
			try {
				own.kill();
				await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> health(context) == Status.DOWN);
				await().atMost(TIMEOUT).until(() -> health(context) == Status.UP);
				assertThat(cluster.nodeOf("/", client.socket("/").id())).contains(cluster.other(own));
				assertThat(registry.get("socketio.client.reconnect.attempts").counter().count()).isGreaterThanOrEqualTo(1);
				assertThat(registry.get("socketio.client.disconnects")
					.tags("client", "default", "namespace", "/", "reason", "transport close")
					.counter()
					.count()).isEqualTo(1);
			}
			finally {
				own.start();
			}
		});
	}

	private static Status health(AssertableApplicationContext context) {
		CompositeHealthContributor composite = context.getBean("socketIoHealthContributor", CompositeHealthContributor.class);
		return ((SocketIoHealthIndicator) composite.getContributor("default")).health().getStatus();
	}

}
