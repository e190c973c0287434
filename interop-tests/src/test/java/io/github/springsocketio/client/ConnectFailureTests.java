package io.github.springsocketio.client;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A connect that fails says why on each transport, also when the failure itself says nothing.
 */
class ConnectFailureTests {

	@RegisterExtension
	final TestClients clients = new TestClients();

	@ParameterizedTest
	@EnumSource(WebSocketImplementation.class)
	void namesARefusedConnectionOnEachTransport(WebSocketImplementation stack) throws Exception {
		SocketIoClient client = this.clients.create("http://127.0.0.1:" + freePort(),
				(builder) -> builder.transports(Transport.WEBSOCKET, Transport.POLLING).webSocketImplementation(stack));
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect)
			.withMessageContaining("websocket: Cannot connect: ")
			.withMessageContaining("polling: Cannot connect: connection refused")
			.withMessageNotContaining("Cannot connect: ;")
			.satisfies((failure) -> org.assertj.core.api.Assertions.assertThat(failure.getMessage()).doesNotEndWith(": "));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
