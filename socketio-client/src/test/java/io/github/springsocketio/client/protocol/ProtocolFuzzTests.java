package io.github.springsocketio.client.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.ProtocolException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated tests of the codecs: random and mutated input never throws anything but
 * {@link ProtocolException}, each input within a bound, and encoding then decoding gives back what
 * was encoded. Seeded, so that a failure can be replayed: {@code -Dsocketio.fuzz.seed=..}; the full
 * run is {@code -Dsocketio.fuzz.inputs=1000000} (README, "Running the tests").
 */
class ProtocolFuzzTests {

	private static final long SEED = Long.getLong("socketio.fuzz.seed", 20261126L);

	private static final int INPUTS = Integer.getInteger("socketio.fuzz.inputs", 120_000);

	/** Far above what any input takes; only a decoder that loops or blows up reaches it. */
	private static final long MAX_NANOS_PER_INPUT = TimeUnit.SECONDS.toNanos(2);

	private static final String ALPHABET = "0123456789-/,[]{}\":_ abcnumplaceholdertrue€😀\u001eb=+";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Random random = new Random(SEED);

	@Test
	void malformedInputOnlyEverThrowsProtocolException() {
		SocketPacketDecoder decoder = new SocketPacketDecoder(this.mapper, 10);
		SocketPacketEncoder encoder = new SocketPacketEncoder(this.mapper);
		int decoded = 0;
		long slowest = 0;
		for (int i = 0; i < INPUTS; i++) {
			long started = System.nanoTime();
			List<EnginePacket> packets = List.of(EnginePacket.message(randomString()),
					EnginePacket.binaryMessage(randomBytes()));
			String input = switch (i % 5) {
				case 0 -> randomString();
				case 1 -> mutate(encoder.encode(randomType(), randomNamespace(), randomAckId(), randomArgs()).text());
				case 2 -> mutate("4" + encoder.encode(SocketPacketType.EVENT, "/", -1, randomArgs()).text());
				case 3 -> mutate(EngineProtocol.V3.encodePayload(packets));
				default -> mutate(EngineCodec.encodePayload(packets));
			};
			try {
				EngineProtocol.V4.decodePayload(input);
			}
			catch (ProtocolException ex) {
				// expected for malformed input
			}
			catch (RuntimeException ex) {
				fail("Engine.IO 4 decoding of input #" + i + " '" + input + "' threw " + ex, ex);
			}
			try {
				EngineProtocol.V3.decodeBinaryPayload(mutate(binaryPayload(packets)));
			}
			catch (ProtocolException ex) {
				// expected for malformed input
			}
			catch (RuntimeException ex) {
				fail("Engine.IO 3 binary payload decoding of input #" + i + " threw " + ex, ex);
			}
			try {
				EngineProtocol.V3.decodePayload(input);
				EngineCodec.decode(input);
			}
			catch (ProtocolException ex) {
				// expected for malformed input
			}
			catch (RuntimeException ex) {
				fail("Engine.IO decoding of input #" + i + " '" + input + "' threw " + ex, ex);
			}
			try {
				if (decoder.decode(input) != null) {
					decoded++;
				}
				if (this.random.nextInt(3) == 0) {
					decoder.decode(randomBytes());
				}
			}
			catch (ProtocolException ex) {
				// expected for malformed input
			}
			catch (RuntimeException ex) {
				fail("Socket.IO decoding of input #" + i + " '" + input + "' threw " + ex, ex);
			}
			long took = System.nanoTime() - started;
			slowest = Math.max(slowest, took);
			assertThat(took).as("nanoseconds for input #%d '%s'", i, input).isLessThan(MAX_NANOS_PER_INPUT);
		}
		System.out.printf("Protocol fuzz: %,d inputs (seed %d), %,d valid Socket.IO packets, slowest input %.1f ms%n",
				INPUTS, SEED, decoded, slowest / 1e6);
		assertThat(decoded).as("valid packets among the inputs").isGreaterThan(INPUTS / 50);
	}

	@Test
	void hostileShapesFailWithAProtocolExceptionOrDecode() {
		SocketPacketDecoder decoder = new SocketPacketDecoder(this.mapper, 10);
		String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
		List<String> inputs = List.of("2[\"deep\"," + deepArray + "]", "2[\"deep\"," + "{\"a\":".repeat(100_000) + "1"
				+ "}".repeat(100_000) + "]", "2[\"n\",1e999999999]", "2[\"n\"," + "9".repeat(100_000) + "]",
				"2[\"s\",\"" + "x".repeat(5_000_000) + "\"]", "2" + "/".repeat(1_000_000) + ",[\"x\"]",
				"29" + "9".repeat(1_000) + "[\"x\"]", "52-[\"b\"]", "5" + "9".repeat(1_000) + "-[\"b\"]",
				"51-[\"b\"," + "{\"_placeholder\":true,\"num\":0},".repeat(100_000) + "1]");
		for (String input : inputs) {
			long started = System.nanoTime();
			try {
				decoder.decode(input);
			}
			catch (ProtocolException ex) {
				// a clean refusal
			}
			catch (RuntimeException ex) {
				fail("Decoding '" + head(input) + "...' threw " + ex, ex);
			}
			assertThat(System.nanoTime() - started).as(head(input)).isLessThan(MAX_NANOS_PER_INPUT);
		}
	}

	private static String head(String input) {
		return input.substring(0, Math.min(40, input.length()));
	}

	@Test
	void encodedPacketsDecodeToWhatWasEncoded() {
		SocketPacketEncoder encoder = new SocketPacketEncoder(this.mapper);
		SocketPacketDecoder decoder = new SocketPacketDecoder(this.mapper, 10);
		for (int i = 0; i < 20_000; i++) {
			SocketPacketType type = (i % 2 == 0) ? SocketPacketType.EVENT : SocketPacketType.ACK;
			String namespace = randomNamespace();
			long ackId = (type == SocketPacketType.ACK) ? this.random.nextInt(1_000_000) : randomAckId();
			ArrayNode args = randomArgs();
			EncodedPacket encoded = encoder.encode(type, namespace, ackId, args);
			SocketPacket packet = decoder.decode(encoded.text());
			for (byte[] attachment : encoded.attachments()) {
				assertThat(packet).isNull();
				packet = decoder.decode(attachment);
			}
			assertThat(packet).isEqualTo(new SocketPacket(type, namespace, ackId, args));
		}
	}

	@Test
	void pollingPayloadsDecodeToWhatWasEncoded() {
		assertPayloadsRoundTrip(EngineProtocol.V4);
	}

	@Test
	void engineIo3PollingPayloadsDecodeToWhatWasEncoded() {
		assertPayloadsRoundTrip(EngineProtocol.V3);
	}

	private void assertPayloadsRoundTrip(EngineProtocol protocol) {
		for (int i = 0; i < 20_000; i++) {
			List<EnginePacket> packets = new ArrayList<>();
			int count = 1 + this.random.nextInt(5);
			for (int j = 0; j < count; j++) {
				packets.add(this.random.nextBoolean() ? EnginePacket.binaryMessage(randomBytes())
						: new EnginePacket(EnginePacketType.values()[this.random.nextInt(7)],
								textData(protocol), null));
			}
			List<EnginePacket> decoded = protocol.decodePayload(protocol.encodePayload(packets));
			assertThat(decoded).hasSize(packets.size());
			for (int j = 0; j < count; j++) {
				EnginePacket expected = packets.get(j);
				if (expected.data() != null && expected.data().isEmpty()) {
					expected = new EnginePacket(expected.type(), null, null);
				}
				assertThat(decoded.get(j)).isEqualTo(expected);
			}
		}
	}

	/**
	 * Random packet data; for Engine.IO 4 without colons, which would make a payload look like an
	 * Engine.IO 3 one (as no packet of a Socket.IO server does).
	 */
	private String textData(EngineProtocol protocol) {
		String data = randomString().replace("\u001e", "");
		return (protocol == EngineProtocol.V4) ? data.replace(":", "") : data;
	}

	/**
	 * Packets in the binary payload format of Engine.IO 3, text records with a random length.
	 */
	private byte[] binaryPayload(List<EnginePacket> packets) {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		for (EnginePacket packet : packets) {
			byte[] data = (packet.binary() != null) ? EngineProtocol.V3.binaryFrame(packet.binary())
					: EngineCodec.encode(packet).getBytes(StandardCharsets.UTF_8);
			payload.write((packet.binary() != null) ? 1 : 0);
			for (char digit : String.valueOf(this.random.nextInt(3) == 0 ? this.random.nextInt(40) : data.length)
				.toCharArray()) {
				payload.write(digit - '0');
			}
			payload.write(0xFF);
			payload.writeBytes(data);
		}
		return payload.toByteArray();
	}

	private byte[] mutate(byte[] bytes) {
		if (bytes.length > 0 && this.random.nextBoolean()) {
			bytes[this.random.nextInt(bytes.length)] = (byte) this.random.nextInt(256);
		}
		return bytes;
	}

	private SocketPacketType randomType() {
		return this.random.nextBoolean() ? SocketPacketType.EVENT : SocketPacketType.ACK;
	}

	private String randomNamespace() {
		return this.random.nextBoolean() ? "/" : "/n" + this.random.nextInt(100);
	}

	private long randomAckId() {
		return this.random.nextBoolean() ? SocketPacket.NO_ACK : this.random.nextInt(Integer.MAX_VALUE);
	}

	private ArrayNode randomArgs() {
		ArrayNode args = JsonNodeFactory.instance.arrayNode();
		args.add(this.random.nextInt(10) == 0 ? JsonNodeFactory.instance.numberNode(this.random.nextInt(100))
				: JsonNodeFactory.instance.stringNode("event" + this.random.nextInt(10)));
		int count = this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			args.add(randomValue(3));
		}
		return args;
	}

	private JsonNode randomValue(int depth) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		int kind = this.random.nextInt((depth > 0) ? 8 : 6);
		return switch (kind) {
			case 0 -> nodes.nullNode();
			case 1 -> nodes.booleanNode(this.random.nextBoolean());
			case 2 -> nodes.numberNode(this.random.nextLong());
			case 3 -> nodes.numberNode(this.random.nextDouble());
			case 4 -> nodes.stringNode(randomString());
			case 5 -> (this.random.nextInt(3) == 0) ? BinaryNode.valueOf(randomBytes()) : nodes.stringNode("x");
			case 6 -> {
				ArrayNode array = nodes.arrayNode();
				for (int i = this.random.nextInt(3); i > 0; i--) {
					array.add(randomValue(depth - 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = nodes.objectNode();
				for (int i = this.random.nextInt(3); i > 0; i--) {
					object.set(randomString(), randomValue(depth - 1));
				}
				yield object;
			}
		};
	}

	private String randomString() {
		int length = this.random.nextInt(12);
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return builder.toString();
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[this.random.nextInt(8)];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private String mutate(String input) {
		StringBuilder builder = new StringBuilder(input);
		int mutations = 1 + this.random.nextInt(3);
		for (int i = 0; i < mutations; i++) {
			int position = builder.isEmpty() ? 0 : this.random.nextInt(builder.length());
			switch (this.random.nextInt(5)) {
				case 0 -> builder.insert(position, ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
				case 1 -> {
					if (!builder.isEmpty()) {
						builder.deleteCharAt(position);
					}
				}
				case 2 -> {
					if (!builder.isEmpty()) {
						builder.setCharAt(position, ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
					}
				}
				case 3 -> builder.setLength(position);
				default -> {
					// leave this mutation out: some inputs stay valid
				}
			}
		}
		return builder.toString();
	}

}
