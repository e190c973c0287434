package io.github.springsocketio.client.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.client.ProtocolException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SocketPacketEncoder} and {@link SocketPacketDecoder} on the examples of the
 * Socket.IO v5 protocol.
 */
class SocketPacketCodecTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final SocketPacketEncoder encoder = new SocketPacketEncoder(this.mapper);

	private final SocketPacketDecoder decoder = new SocketPacketDecoder(this.mapper, 10);

	@Test
	void encodesThePacketsOfTheSpecification() {
		assertThat(text(SocketPacketType.CONNECT, "/", -1, null)).isEqualTo("0");
		assertThat(text(SocketPacketType.CONNECT, "/admin", -1, Map.of("token", "123")))
			.isEqualTo("0/admin,{\"token\":\"123\"}");
		assertThat(text(SocketPacketType.DISCONNECT, "/admin", -1, null)).isEqualTo("1/admin,");
		assertThat(text(SocketPacketType.EVENT, "/", -1, List.of("foo"))).isEqualTo("2[\"foo\"]");
		assertThat(text(SocketPacketType.EVENT, "/", 12, List.of("foo"))).isEqualTo("212[\"foo\"]");
		assertThat(text(SocketPacketType.ACK, "/admin", 13, List.of("bar"))).isEqualTo("3/admin,13[\"bar\"]");
	}

	@Test
	void encodesBinaryAsPlaceholdersInDepthFirstOrder() {
		EncodedPacket packet = this.encoder.encode(SocketPacketType.EVENT, "/admin", -1,
				List.of("baz", new byte[] { 1 }, Map.of("nested", List.of(ByteBuffer.wrap(new byte[] { 2, 3 })))));
		assertThat(packet.text()).isEqualTo(
				"52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},{\"nested\":[{\"_placeholder\":true,\"num\":1}]}]");
		assertThat(packet.attachments()).containsExactly(new byte[] { 1 }, new byte[] { 2, 3 });
		EncodedPacket ack = this.encoder.encode(SocketPacketType.ACK, "/", 15, List.of(new byte[] { 4 }));
		assertThat(ack.text()).isEqualTo("61-15[{\"_placeholder\":true,\"num\":0}]");
	}

	@Test
	void decodesThePacketsOfTheSpecification() {
		SocketPacket connect = this.decoder.decode("0{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}");
		assertThat(connect.type()).isEqualTo(SocketPacketType.CONNECT);
		assertThat(connect.data().get("sid").stringValue()).isEqualTo("wZX3oN0bSVIhsaknAAAI");
		SocketPacket event = this.decoder.decode("2/admin,13[\"bar\",1]");
		assertThat(event.namespace()).isEqualTo("/admin");
		assertThat(event.ackId()).isEqualTo(13);
		assertThat(event.data().get(1).asInt()).isEqualTo(1);
		assertThat(this.decoder.decode("1/admin").namespace()).isEqualTo("/admin");
		SocketPacket error = this.decoder.decode("4{\"message\":\"not authorized\",\"data\":{\"code\":401}}");
		assertThat(error.data().get("data").get("code").asInt()).isEqualTo(401);
		assertThat(this.decoder.decode("4\"Unable to connect\"").data().stringValue()).isEqualTo("Unable to connect");
		assertThat(this.decoder.decode("2[7,\"numeric\"]").data().get(0).asInt()).isEqualTo(7);
	}

	@Test
	void reassemblesBinaryPackets() {
		assertThat(this.decoder.decode("52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":1},{\"a\":[{\"_placeholder\":true,\"num\":0}]}]"))
			.isNull();
		assertThat(this.decoder.decode(new byte[] { 1 })).isNull();
		SocketPacket packet = this.decoder.decode(new byte[] { 2 });
		assertThat(packet.type()).isEqualTo(SocketPacketType.EVENT);
		assertThat(packet.data().get(1).binaryValue()).containsExactly(2);
		assertThat(packet.data().get(2).get("a").get(0).binaryValue()).containsExactly(1);
		assertThat(this.decoder.decode("50-[\"bin0\"]").data().get(0).stringValue()).isEqualTo("bin0");
	}

	@Test
	void rejectsMalformedBinaryPackets() {
		this.decoder.decode("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.decoder.decode("2[\"x\"]"));
		assertThat(this.decoder.decode("2[\"x\"]")).isNotNull();
		this.decoder.decode("51-[\"bin\",{\"_placeholder\":true,\"num\":1}]");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.decoder.decode(new byte[] { 1 }));
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.decoder.decode(new byte[] { 1 }));
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.decoder.decode("511-[\"bin\"]"))
			.withMessageContaining("Too many attachments");
	}

	@Test
	void rejectsInvalidPayloads() {
		for (String invalid : List.of("", "7", "a", "2{}", "2[]", "2[\"connect\"]", "2[{}]", "3[]", "1{}", "0[]", "4[]",
				"2abc[\"x\"]", "2[\"x\"]trailing", "51[\"x\"]", "5-[\"x\"]", "59999999999999999-[\"x\"]",
				"29999999999999999[\"x\"]")) {
			assertThatExceptionOfType(ProtocolException.class).as(invalid).isThrownBy(() -> this.decoder.decode(invalid));
		}
	}

	@Test
	void roundTripsPayloadsWithBinary() {
		ArrayNode tree = this.mapper.valueToTree(List.of("ev", Map.of("k", List.of(1, "€ 😀", true))));
		tree.add(BinaryNode.valueOf(new byte[] { 5, 6 }));
		EncodedPacket encoded = this.encoder.encode(SocketPacketType.EVENT, "/x", 3, tree);
		List<SocketPacket> decoded = new ArrayList<>();
		SocketPacket header = this.decoder.decode(encoded.text());
		assertThat(header).isNull();
		decoded.add(this.decoder.decode(encoded.attachments().get(0)));
		assertThat(decoded.get(0)).isEqualTo(new SocketPacket(SocketPacketType.EVENT, "/x", 3, tree));
	}

	@Test
	void encodesAPacketThatASerializerEncodesWhileItIsWritten() {
		Nested nested = new Nested(this.encoder);
		assertThat(text(SocketPacketType.EVENT, "/chat", 7, List.of("outer", nested)))
			.isEqualTo("2/chat,7[\"outer\",{\"inner\":\"2[\\\"inner\\\"]\"}]");
		assertThat(text(SocketPacketType.EVENT, "/", -1, List.of("after"))).isEqualTo("2[\"after\"]");
	}

	/**
	 * A value whose getter encodes another packet, on the same thread, in the middle of the outer one.
	 */
	public static final class Nested {

		private final SocketPacketEncoder encoder;

		Nested(SocketPacketEncoder encoder) {
			this.encoder = encoder;
		}

		public String getInner() {
			return this.encoder.encode(SocketPacketType.EVENT, "/", -1, List.of("inner")).text();
		}

	}

	private String text(SocketPacketType type, String namespace, long ackId, Object payload) {
		return this.encoder.encode(type, namespace, ackId, payload).text();
	}

}
