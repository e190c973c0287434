package io.github.springsocketio.client.protocol;

import java.util.List;

import io.github.springsocketio.client.ProtocolException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Handshake}: what a server announces is checked, so that absurd values end in a
 * clear error rather than a heartbeat that can never expire.
 */
class HandshakeTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void readsTheHandshake() {
		Handshake handshake = Handshake.parse(
				"{\"sid\":\"s\",\"upgrades\":[\"websocket\",1],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}",
				this.mapper);
		assertThat(handshake).isEqualTo(new Handshake("s", List.of("websocket"), 25000, 20000, 1000000));
	}

	@Test
	void refusesAbsurdHeartbeatValues() {
		for (String values : List.of("\"pingInterval\":3600001,\"pingTimeout\":1",
				"\"pingInterval\":1,\"pingTimeout\":9223372036854775807",
				"\"pingInterval\":1,\"pingTimeout\":92233720368547758070", "\"pingInterval\":0,\"pingTimeout\":1",
				"\"pingInterval\":-5,\"pingTimeout\":1", "\"pingInterval\":1.5,\"pingTimeout\":1")) {
			assertThatExceptionOfType(ProtocolException.class).as(values)
				.isThrownBy(() -> Handshake.parse("{\"sid\":\"s\"," + values + "}", this.mapper))
				.withMessageContaining("Engine.IO handshake");
		}
	}

	@Test
	void takesNoMaxPayloadForNone() {
		for (String maxPayload : List.of("", ",\"maxPayload\":-1", ",\"maxPayload\":\"big\"",
				",\"maxPayload\":92233720368547758070")) {
			assertThat(Handshake.parse("{\"sid\":\"s\",\"pingInterval\":1,\"pingTimeout\":1" + maxPayload + "}", this.mapper)
				.maxPayload()).as(maxPayload).isZero();
		}
	}

}
