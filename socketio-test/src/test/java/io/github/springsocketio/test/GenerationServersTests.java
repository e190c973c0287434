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
package io.github.springsocketio.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each server generation starts, answers an Engine.IO handshake of its protocol, and starts again on
 * the same port after a stop.
 */
class GenerationServersTests {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static Stream<Arguments> servers() {
		return Stream.of(server("socket.io 2.5.1", () -> SocketIoServerExtension.nodeGeneration(2), 3),
				server("socket.io 3.1.2", () -> SocketIoServerExtension.nodeGeneration(3), 4),
				server("socket.io 4.8.4", () -> SocketIoServerExtension.nodeGeneration(4), 4),
				server("socket.io 4.8.4 allowEIO3",
						() -> SocketIoServerExtension.nodeGeneration(4).withEnv("ALLOW_EIO3", "1"), 3),
				server("netty-socketio 1.7.19", SocketIoServerExtension::nettySocketIo1, 3),
				server("netty-socketio 2.0.13", SocketIoServerExtension::nettySocketIo2, 4));
	}

	private static Arguments server(String name, Supplier<SocketIoServerExtension> factory, int engineIo) {
		return Arguments.of(name, factory, engineIo);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void startsAndRestartsOnItsPort(String name, Supplier<SocketIoServerExtension> factory, int engineIo)
			throws Exception {
		SocketIoServerExtension server = factory.get();
		server.start();
		try {
			int port = server.port();
			assertHandshake(server, engineIo);
			server.stop();
			server.start();
			assertEquals(port, server.port(), server.output());
			assertHandshake(server, engineIo);
		}
		finally {
			server.stop();
		}
	}

	private void assertHandshake(SocketIoServerExtension server, int engineIo) throws Exception {
		URI uri = URI.create(server.url() + "/socket.io/?EIO=" + engineIo + "&transport=polling&b64=1");
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertEquals(200, response.statusCode(), response.body());
		assertTrue(response.body().contains("\"sid\""), response.body());
	}

}
