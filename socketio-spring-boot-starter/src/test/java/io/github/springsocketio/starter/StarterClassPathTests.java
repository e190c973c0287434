package io.github.springsocketio.starter;

import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.WebSocketImplementation;
import io.github.springsocketio.client.connection.ClientOptions;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the starter puts on an application's class path: no Tomcat and no JSR-356 API, as the
 * default WebSocket stack is the JDK's (this module's tests run on the starter's runtime class path
 * plus the test libraries, none of which brings Tomcat).
 */
class StarterClassPathTests {

	private static final ClassLoader CLASS_LOADER = StarterClassPathTests.class.getClassLoader();

	@Test
	void bringsNoTomcatAndNoJsr356Api() {
		assertThat(ClassUtils.isPresent("org.apache.tomcat.websocket.WsWebSocketContainer", CLASS_LOADER)).isFalse();
		assertThat(ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", CLASS_LOADER)).isFalse();
		assertThat(ClassUtils.isPresent("jakarta.websocket.ContainerProvider", CLASS_LOADER)).isFalse();
	}

	@Test
	void theSpringStackWithoutAJsr356ClientFailsWhenTheClientIsBuilt() {
		SocketIoClient.Builder builder = SocketIoClient.builder("http://127.0.0.1:3000")
			.webSocketImplementation(WebSocketImplementation.SPRING);
		assertThatIllegalStateException().isThrownBy(builder::build)
			.withMessageContaining("org.apache.tomcat.embed:tomcat-embed-websocket")
			.withMessageContaining("WebSocketImplementation.JDK");
	}

	@Test
	void theNettyStackWithoutNettyFailsWhenTheClientIsBuilt() {
		assertThat(ClassUtils.isPresent("io.netty.channel.Channel", CLASS_LOADER)).isFalse();
		SocketIoClient.Builder builder = SocketIoClient.builder("http://127.0.0.1:3000")
			.webSocketImplementation(WebSocketImplementation.NETTY);
		assertThatIllegalStateException().isThrownBy(builder::build)
			.withMessageContaining("io.netty:netty-codec-http")
			.withMessageContaining("WebSocketImplementation.JDK");
	}

	@Test
	void theSpringStackNeedsNoJsr356ClientWithoutTheWebSocketTransport() {
		try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:3000")
			.webSocketImplementation(WebSocketImplementation.SPRING)
			.transports(Transport.POLLING)
			.build()) {
			assertThat(client.isConnected()).isFalse();
		}
	}

	@Test
	void withoutNettyTheDefaultStackIsTheJdks() {
		assertThat(ClientOptions.defaultWebSocketImplementation(null)).isEqualTo(WebSocketImplementation.JDK);
	}

	@Test
	void theDefaultStackNeedsNoJsr356Client() {
		try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:3000").build()) {
			assertThat(client.isConnected()).isFalse();
		}
	}

}
