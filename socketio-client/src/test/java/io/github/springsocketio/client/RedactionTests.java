package io.github.springsocketio.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Redaction}.
 */
class RedactionTests {

	@Test
	void hidesCredentialsAndEveryQueryValueButTheProtocols() {
		assertThat(Redaction.url(
				"https://user:pw@host:8443/socket.io/?EIO=4&transport=websocket&token=abc&v=1&user=me&t=x1&sid=s1"))
			.isEqualTo("https://******@host:8443/socket.io/?EIO=4&transport=websocket&token=******&v=******&user=******"
					+ "&t=x1&sid=s1");
		assertThat(Redaction.url("http://localhost:3000")).isEqualTo("http://localhost:3000");
	}

	@Test
	void hidesSecretsInsideMessages() {
		assertThat(Redaction.text("connection to [ws://u:p@h/socket.io/?EIO=4&access_token=xyz] failed"))
			.isEqualTo("connection to [ws://******@h/socket.io/?EIO=4&access_token=******] failed");
		assertThat(Redaction.text(null)).isEmpty();
	}

	@Test
	void hidesThePayloadOfConnectPackets() {
		assertThat(Redaction.frame("40/admin,{\"token\":\"abc\"}")).isEqualTo("40/admin,{******}");
		assertThat(Redaction.frame("40{\"sid\":\"s\",\"pid\":\"p\"}")).isEqualTo("40{******}");
		assertThat(Redaction.frame("42[\"chat\",\"hi\"]")).isEqualTo("42[\"chat\",\"hi\"]");
		assertThat(Redaction.frame("0{\"sid\":\"engine\"}")).isEqualTo("0{******}");
		// Protocol 4 carries the auth in the namespace's query.
		assertThat(Redaction.frame("40/admin?user=me&token=abc,")).isEqualTo("40/admin?******,");
		assertThat(Redaction.frame("40/admin?user=me")).isEqualTo("40/admin?******");
		assertThat(Redaction.frame("40/admin,")).isEqualTo("40/admin,");
	}

}
