package io.github.springsocketio.client.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.client.ProtocolException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the older revisions, Engine.IO 3 and Socket.IO protocol 4, on the examples of
 * {@code reference/protocol.md} §1.13 and §2.10, and for how Engine.IO 4 recognizes them.
 */
class ProtocolRevisionTests {

	private final SocketPacketEncoder encoder = new SocketPacketEncoder(JsonMapper.builder().build());

	@Test
	void framesEngineIo3PayloadsCountingUtf16CodeUnits() {
		List<EnginePacket> packets = List.of(EnginePacket.message("hello"), EnginePacket.message("€"),
				EnginePacket.message("😀"), EnginePacket.binaryMessage(new byte[] { 1, 2, 3 }));
		// "€" is one UTF-16 code unit (three UTF-8 bytes); "😀" is two (four bytes).
		String payload = EngineProtocol.V3.encodePayload(packets);
		assertThat(payload).isEqualTo("6:4hello2:4€3:4😀6:b4AQID");
		assertThat(EngineProtocol.V3.decodePayload(payload)).containsExactlyElementsOf(packets);
	}

	@Test
	void decodesTheHandshakeOfASocketIo2Server() {
		String open = "0{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":5000}";
		List<EnginePacket> packets = EngineProtocol.V3.decodePayload(open.length() + ":" + open + "2:40");
		assertThat(packets).hasSize(2);
		Handshake handshake = EngineProtocol.V3.parseHandshake(packets.get(0).data(), JsonMapper.builder().build());
		assertThat(handshake.maxPayload()).isZero();
		assertThat(packets.get(1)).isEqualTo(EnginePacket.message("0"));
		// An empty record, as an empty payload is framed, holds no packet.
		assertThat(EngineProtocol.V3.decodePayload("0:")).isEmpty();
	}

	@Test
	void refusesBrokenEngineIo3Payloads() {
		for (String payload : List.of("", "4hello", ":4hello", "6:4hell", "99999999999:4", "x:4", "2:b5AQ", "4:b4*!")) {
			assertThatExceptionOfType(ProtocolException.class).as(payload)
				.isThrownBy(() -> EngineProtocol.V3.decodePayload(payload));
		}
	}

	@Test
	void decodesTheBinaryPayloadFormat() {
		// As socket.io 2.5.1 and netty-socketio 1.x answer a poll with a binary attachment: a text
		// record (0, its length in UTF-8 bytes digit by digit, 255, the packet), then binary records
		// (1, the length with the type byte, 255, the type byte 4, the bytes).
		byte[] text = "4ü".getBytes(StandardCharsets.UTF_8);
		byte[] payload = { 0, 3, (byte) 0xFF, text[0], text[1], text[2], 1, 4, (byte) 0xFF, 4, 9, 8, 7, 1, 1, (byte) 0xFF,
				4 };
		assertThat(EngineProtocol.V3.decodeBinaryPayload(payload)).containsExactly(EnginePacket.message("ü"),
				EnginePacket.binaryMessage(new byte[] { 9, 8, 7 }), EnginePacket.binaryMessage(new byte[0]));
		// A text payload labelled binary is read as text.
		assertThat(EngineProtocol.V3.decodeBinaryPayload("2:4a".getBytes(StandardCharsets.UTF_8)))
			.containsExactly(EnginePacket.message("a"));
		for (byte[] broken : List.of(new byte[] { 2, 1, (byte) 0xFF, '4' }, new byte[] { 0, 5, (byte) 0xFF, '4' },
				new byte[] { 0, (byte) 0xFF, '4' }, new byte[] { 0, 1 }, new byte[] { 1, 1, (byte) 0xFF, '4' },
				new byte[] { 0, 12, (byte) 0xFF, '4' })) {
			assertThatExceptionOfType(ProtocolException.class)
				.isThrownBy(() -> EngineProtocol.V3.decodeBinaryPayload(broken));
		}
	}

	@Test
	void putsThePacketTypeBeforeABinaryEngineIo3WebSocketFrame() {
		byte[] frame = EngineProtocol.V3.binaryFrame(new byte[] { 9, 8 });
		assertThat(frame).containsExactly(4, 9, 8);
		assertThat(EngineProtocol.V3.binaryMessage(frame)).containsExactly(9, 8);
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> EngineProtocol.V3.binaryMessage(new byte[] { '4', 1 }));
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> EngineProtocol.V3.binaryMessage(new byte[0]));
		assertThat(EngineProtocol.V4.binaryFrame(new byte[] { 9, 8 })).containsExactly(9, 8);
	}

	@Test
	void sizesEngineIo3RecordsInBytesWithTheirLength() {
		EnginePacket packet = EnginePacket.message("€");
		String record = EngineProtocol.V3.encodePayload(List.of(packet));
		assertThat(EngineProtocol.V3.payloadSize(packet)).isEqualTo(record.getBytes(StandardCharsets.UTF_8).length);
		EnginePacket binary = EnginePacket.binaryMessage(new byte[100]);
		assertThat(EngineProtocol.V3.payloadSize(binary))
			.isEqualTo(EngineProtocol.V3.encodePayload(List.of(binary)).length());
	}

	@Test
	void engineIo4RecognizesAnEngineIo3Payload() {
		assertThatExceptionOfType(OlderProtocolException.class)
			.isThrownBy(() -> EngineProtocol.V4.decodePayload("96:0{\"sid\":\"abc\"}2:40"))
			.withMessageContaining("Socket.IO protocol 4");
		// The binary payload format, as netty-socketio 1.x answers any handshake; netty-socketio 2.x
		// labels its Engine.IO 4 text payloads as binary.
		assertThatExceptionOfType(OlderProtocolException.class)
			.isThrownBy(() -> EngineProtocol.V4.decodeBinaryPayload(new byte[] { 0, 1, (byte) 0xFF, '6' }));
		assertThat(EngineProtocol.V4.decodeBinaryPayload("6".getBytes(StandardCharsets.UTF_8)))
			.containsExactly(new EnginePacket(EnginePacketType.NOOP, null, null));
		assertThat(EngineProtocol.V4.decodePayload("0{\"sid\":\"abc\"}\u001e40")).hasSize(2);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> EngineProtocol.V4.decodePayload("9x"))
			.isNotInstanceOf(OlderProtocolException.class);
	}

	@Test
	void connectsANamespaceWithItsQueryOnProtocol4() {
		Map<String, Object> auth = new LinkedHashMap<>();
		auth.put("token", "a=b");
		auth.put("n", 1);
		auth.put("list", List.of(1, "x"));
		auth.put("none", null);
		EncodedPacket connect = SocketProtocol.V4.connect(this.encoder, "/admin", auth, Map.of("v", "1"));
		assertThat(connect.text()).isEqualTo("0/admin?v=1&token=a%3Db&n=1&list=%5B1%2C%22x%22%5D&none=,");
		assertThat(SocketProtocol.V4.connect(this.encoder, "/admin", Map.of(), Map.of()).text()).isEqualTo("0/admin,");
		assertThat(SocketProtocol.V4.handshakeQuery(this.encoder, auth)).containsEntry("token", "a=b")
			.containsEntry("n", "1");
		assertThat(SocketProtocol.V5.handshakeQuery(this.encoder, auth)).isEmpty();
	}

	@Test
	void namesNamespacesAfterTheEngineSessionOnProtocol4() {
		assertThat(SocketProtocol.V4.sessionId("/", null, "abc")).isEqualTo("abc");
		assertThat(SocketProtocol.V4.sessionId("/admin", null, "abc")).isEqualTo("/admin#abc");
		assertThat(SocketProtocol.V5.sessionId("/admin", null, "abc")).isNull();
	}

	@Test
	void readsProtocol4Refusals() {
		JsonNodeFactory json = JsonNodeFactory.instance;
		assertThat(SocketProtocol.V4.refusal(json.stringNode("Not authorized")))
			.isEqualTo(new SocketProtocol.Refusal("Not authorized", null));
		SocketProtocol.Refusal data = SocketProtocol.V4.refusal(json.objectNode().put("code", 401));
		assertThat(data.message()).isEmpty();
		assertThat(data.data().get("code").asInt()).isEqualTo(401);
		assertThat(SocketProtocol.V4.refusal(json.objectNode().put("message", "m")).message()).isEqualTo("m");
	}

}
