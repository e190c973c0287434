package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.Optional;

import io.github.springsocketio.client.InboundEvent;
import io.github.springsocketio.client.SocketIoSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Pull-style receive against a fake connection: the events no handler took, in order, bounded.
 */
class UnreceivedEventsTests {

	private final FakeNamespaceHost host = new FakeNamespaceHost(FakeNamespaceHost.options(0, Duration.ofSeconds(10), 10));

	@AfterEach
	void close() {
		this.host.close();
	}

	private SocketIoSocket connected(Namespace namespace) throws Exception {
		namespace.socket().connectAsync();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.host.sent.contains("0"));
		this.host.receive(namespace, "0{\"sid\":\"abc\"}");
		return namespace.socket();
	}

	@Test
	void receivesTheEventsNoHandlerTookInArrivalOrder() throws Exception {
		Namespace namespace = new Namespace(this.host, "/");
		SocketIoSocket socket = connected(namespace);
		socket.on("handled", (args, ack) -> {
		});
		this.host.receive(namespace, "2[\"first\",1]");
		this.host.receive(namespace, "2[\"handled\",2]");
		this.host.receive(namespace, "2[\"second\",{\"a\":3}]");
		InboundEvent first = socket.receive(Duration.ofSeconds(5)).orElseThrow();
		assertThat(first.event()).isEqualTo("first");
		assertThat(first.namespace()).isEqualTo("/");
		assertThat(first.arguments().get(0, Integer.class)).isEqualTo(1);
		assertThat(socket.receive(Duration.ofSeconds(5)).map(InboundEvent::event)).contains("second");
		assertThat(socket.receive(Duration.ZERO)).isEmpty();
	}

	@Test
	void keepsTheNewestThousandAndCountsWhatItPushesOut() throws Exception {
		Namespace namespace = new Namespace(this.host, "/");
		SocketIoSocket socket = connected(namespace);
		this.host.onSerial(() -> {
			for (int i = 0; i < UnreceivedEvents.LIMIT + 2; i++) {
				namespace.receive(this.host.decode("2[\"n\"," + i + "]"));
			}
		});
		assertThat(this.host.reports).filteredOn("dropped n unreceived"::equals).hasSize(2);
		Optional<InboundEvent> oldest = socket.receive(Duration.ZERO);
		assertThat(oldest.orElseThrow().arguments().get(0, Integer.class)).isEqualTo(2);
	}

	@Test
	void refusesANegativeTimeout() throws Exception {
		SocketIoSocket socket = connected(new Namespace(this.host, "/"));
		assertThatIllegalArgumentException().isThrownBy(() -> socket.receive(Duration.ofSeconds(-1)));
	}

}
