package io.github.springsocketio.client;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.time.Duration;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebSocket transport through a forward HTTP proxy: a {@code CONNECT} tunnel to the server, on
 * the JDK and the Netty stacks (long-polling through it is in {@link PollingInteropTests}).
 */
class ProxyInteropTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@RegisterExtension
	static final SocketIoServerExtension proxy = SocketIoServerExtension.httpProxy();

	@RegisterExtension
	final TestClients clients = new TestClients();

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET_JDK", "WEBSOCKET_NETTY", "UPGRADE_NETTY" })
	void webSocketGoesThroughTheProxysTunnel(TransportMode mode) {
		String tunnel = "tunneled 127.0.0.1:" + server.port();
		// The proxy serves every test of the class: only a tunnel opened by this one counts.
		long before = tunnels(tunnel);
		SocketIoClient client = this.clients.create(server.url(), mode,
				(builder) -> builder.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))));
		client.connect();
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> client.transport() == Transport.WEBSOCKET);
		assertThat(client.call("add", Integer.class, 2, 3)).isEqualTo(5);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> tunnels(tunnel) > before);
	}

	private static long tunnels(String tunnel) {
		return proxy.output().lines().filter(tunnel::equals).count();
	}

}
