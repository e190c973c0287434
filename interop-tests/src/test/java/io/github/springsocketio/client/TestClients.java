package io.github.springsocketio.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Builds clients for a test and closes them after it.
 */
final class TestClients implements AfterEachCallback {

	private final List<SocketIoClient> clients = new ArrayList<>();

	SocketIoClient create(String url, TransportMode mode, UnaryOperator<SocketIoClient.Builder> customizer) {
		SocketIoClient client = customizer
			.apply(SocketIoClient.builder(url)
				.transports(mode.transports())
				.webSocketImplementation(mode.implementation())
				.connectTimeout(Duration.ofSeconds(10))
				.reconnection(Reconnection.disabled()))
			.build();
		this.clients.add(client);
		return client;
	}

	SocketIoClient create(String url, TransportMode mode) {
		return create(url, mode, UnaryOperator.identity());
	}

	SocketIoClient create(String url, UnaryOperator<SocketIoClient.Builder> customizer) {
		return create(url, TransportMode.WEBSOCKET, customizer);
	}

	SocketIoClient create(String url) {
		return create(url, TransportMode.WEBSOCKET, UnaryOperator.identity());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.clients.forEach(SocketIoClient::close);
		this.clients.clear();
	}

}
