package io.github.springsocketio.autoconfigure;

import io.github.springsocketio.client.Reconnection;
import io.github.springsocketio.client.SocketIoClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of the YAML keys are those of the client's builder. The properties repeat them as
 * literals, because the configuration metadata (and the README's YAML reference) can only show
 * literal defaults; this test keeps the two equal.
 */
class SocketIoPropertiesTests {

	private final SocketIoProperties.Client client = new SocketIoProperties().getClient();

	@Test
	void clientDefaultsAreThoseOfTheBuilder() {
		assertThat(this.client.getPath()).isEqualTo(SocketIoClient.Builder.DEFAULT_PATH);
		assertThat(this.client.getNamespaces()).containsExactly(SocketIoClient.Builder.DEFAULT_NAMESPACE);
		assertThat(this.client.getTransports()).isEqualTo(SocketIoClient.Builder.DEFAULT_TRANSPORTS);
		assertThat(this.client.getConnectTimeout()).isEqualTo(SocketIoClient.Builder.DEFAULT_CONNECT_TIMEOUT);
		assertThat(this.client.getAckTimeout()).isEqualTo(SocketIoClient.Builder.DEFAULT_ACK_TIMEOUT);
		assertThat(this.client.getRetries()).isZero();
		assertThat(this.client.getSendBuffer().getMaxPackets())
			.isEqualTo(SocketIoClient.Builder.DEFAULT_SEND_BUFFER_MAX_PACKETS);
		assertThat(this.client.getMaxInboundMessageSize().toBytes())
			.isEqualTo(SocketIoClient.Builder.DEFAULT_MAX_INBOUND_MESSAGE_SIZE);
		assertThat(this.client.isUpgrade()).isTrue();
		assertThat(this.client.getProtocol()).isEqualTo(SocketIoClient.Builder.DEFAULT_PROTOCOL);
	}

	@Test
	void reconnectionDefaultsAreThoseOfTheBuilder() {
		SocketIoProperties.Reconnection properties = this.client.getReconnection();
		Reconnection defaults = Reconnection.defaults();
		assertThat(properties.isEnabled()).isEqualTo(defaults.enabled());
		assertThat(properties.getDelay()).isEqualTo(defaults.delay());
		assertThat(properties.getMaxDelay()).isEqualTo(defaults.maxDelay());
		assertThat(properties.getAttempts()).isEqualTo(defaults.attempts());
		assertThat(properties.getRandomizationFactor()).isEqualTo(defaults.randomizationFactor());
	}

}
