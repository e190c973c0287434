package io.github.springsocketio.client.protocol;

import java.io.ByteArrayOutputStream;

import io.github.springsocketio.client.ProtocolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bound on the packets of one polling payload, in every payload format.
 */
class PayloadLimitsTests {

	private static final int MAX = EngineCodec.MAX_PAYLOAD_RECORDS;

	private static String engineIo4Pings(int count) {
		return String.join(String.valueOf(EngineCodec.RECORD_SEPARATOR), java.util.Collections.nCopies(count, "2"));
	}

	private static String engineIo3Pings(int count) {
		return "1:2".repeat(count);
	}

	private static byte[] engineIo3BinaryPings(int count) {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		for (int i = 0; i < count; i++) {
			payload.writeBytes(new byte[] { 0, 1, (byte) 0xFF, '2' });
		}
		return payload.toByteArray();
	}

	@Test
	void readsAPayloadOfTheMostPacketsAndRefusesOneMore() {
		assertThat(EngineProtocol.V4.decodePayload(engineIo4Pings(MAX))).hasSize(MAX);
		assertThat(EngineProtocol.V3.decodePayload(engineIo3Pings(MAX))).hasSize(MAX);
		assertThat(EngineProtocol.V3.decodeBinaryPayload(engineIo3BinaryPings(MAX))).hasSize(MAX);
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> EngineProtocol.V4.decodePayload(engineIo4Pings(MAX + 1)))
			.withMessage("A polling payload holds more than " + MAX + " packets");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> EngineProtocol.V3.decodePayload(engineIo3Pings(MAX + 1)));
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> EngineProtocol.V3.decodeBinaryPayload(engineIo3BinaryPings(MAX + 1)));
	}

}
