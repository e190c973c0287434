package io.github.springsocketio.client;

import java.time.Duration;
import java.util.List;

import io.github.springsocketio.test.ReferenceClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-JVM test server against the JavaScript reference client, socket.io-client 4.8.4: every
 * scenario of {@code conformance-client.js} passes on each transport setting. They are the
 * scenarios that apply to a Socket.IO 4 server scripted as the Node reference server: connect,
 * auth read and refused, refusal data, unknown namespace, two namespaces on one connection,
 * events, acks and binary both ways, 1,000 events in order, server-side disconnect and the
 * heartbeat. Connection-state recovery, rooms and broadcasts to other clients do not apply: the
 * test server has none of them.
 */
class ReferenceClientConformanceTests {

	private static final List<String> SCENARIOS = List.of("connect", "auth", "auth-refused", "refused-with-data",
			"unknown-namespace", "namespaces", "event-to-server-and-back", "ack-from-server", "ack-to-server",
			"binary-from-server", "binary-to-server", "binary-ack-to-server", "many-events-in-order",
			"server-disconnect", "heartbeat");

	@RegisterExtension
	static final JvmReferenceServer server = new JvmReferenceServer().pingInterval(Duration.ofMillis(300),
			Duration.ofMillis(200));

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling", "upgrade" })
	void passesEveryScenarioOfTheReferenceClient(String mode) throws Exception {
		List<String> report = ReferenceClient.run(server.url(), mode);
		assertThat(report).as("the reference client's report").last().isEqualTo("exit 0");
		for (String scenario : SCENARIOS) {
			assertThat(report).as("the reference client's report")
				.anySatisfy((line) -> assertThat(line).startsWith("{\"scenario\":\"" + scenario + "\",\"ok\":true"));
		}
	}

}
