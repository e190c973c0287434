package io.github.springsocketio.client.connection;

import java.net.InetSocketAddress;
import java.net.ProxySelector;

import io.github.springsocketio.client.WebSocketImplementation;
import io.github.springsocketio.client.transport.NettyClassPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket stack of a client that chose none (this module's tests have Netty and its proxy
 * handlers on the class path; the starter's tests, which have neither, check the other side).
 */
class ClientOptionsTests {

	@Test
	void nettyWhereItIsOnTheClassPath() {
		assertThat(NettyClassPath.isPresent()).isTrue();
		assertThat(ClientOptions.defaultWebSocketImplementation(null)).isEqualTo(WebSocketImplementation.NETTY);
	}

	@Test
	void nettyForAClientWithAProxyWhereNettysProxyHandlersAreOnTheClassPath() {
		assertThat(NettyClassPath.isProxyPresent()).isTrue();
		ProxySelector proxy = ProxySelector.of(new InetSocketAddress("127.0.0.1", 3128));
		assertThat(ClientOptions.defaultWebSocketImplementation(proxy)).isEqualTo(WebSocketImplementation.NETTY);
	}

}
