/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.springsocketio.benchmarks.codec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketDecoder;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import io.github.springsocketio.client.protocol.SocketPacketType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encoding and decoding of one Socket.IO EVENT: with a ~100-byte JSON object ({@code small}),
 * with a 4 KiB string ({@code text4k}), and with two 1 KiB binary attachments ({@code binary}).
 * Run with {@code -prof gc} for the bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmarks {

	@Param({ "small", "text4k", "binary" })
	public String payload;

	private SocketPacketEncoder encoder;

	private SocketPacketDecoder decoder;

	private List<Object> arguments;

	private EncodedPacket encoded;

	@Setup
	public void setUp() {
		JsonMapper mapper = JsonMapper.builder().build();
		this.encoder = new SocketPacketEncoder(mapper);
		this.decoder = new SocketPacketDecoder(mapper, SocketPacketDecoder.DEFAULT_MAX_ATTACHMENTS);
		this.arguments = switch (this.payload) {
			case "small" -> List.of("message", Map.of("user", "ada", "room", "lobby", "text", "Hello, world!",
					"sentAt", 1764158400000L, "tags", List.of("greeting", "first")));
			case "text4k" -> List.of("message", "x".repeat(4096));
			case "binary" -> List.of("upload", Map.of("name", "a.bin", "data", new byte[1024]), new byte[1024]);
			default -> throw new IllegalStateException("Unknown payload " + this.payload);
		};
		this.encoded = encode();
	}

	@Benchmark
	public EncodedPacket encode() {
		return this.encoder.encode(SocketPacketType.EVENT, "/", SocketPacket.NO_ACK, this.arguments);
	}

	@Benchmark
	public SocketPacket decode() {
		SocketPacket packet = this.decoder.decode(this.encoded.text());
		for (byte[] attachment : this.encoded.attachments()) {
			packet = this.decoder.decode(attachment);
		}
		return packet;
	}

}
