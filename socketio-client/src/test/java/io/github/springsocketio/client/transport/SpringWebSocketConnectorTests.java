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
package io.github.springsocketio.client.transport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springsocketio.client.protocol.EngineProtocol;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Tomcat stack against a server that writes a burst of frames at once and then only answers
 * pings: reading paused while Tomcat works through the burst still delivers the rest of it once
 * resumed, although no more bytes follow on their own.
 */
class SpringWebSocketConnectorTests {

	private static final int BURST = 20;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final StandardWebSocketClients clients = StandardWebSocketClients.create();

	private final AtomicInteger pings = new AtomicInteger();

	private ServerSocket server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.executor.execute(this::serve);
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
		this.clients.destroy();
		this.executor.shutdownNow();
		this.scheduler.shutdownNow();
	}

	@Test
	void readingResumedInTheMiddleOfABurstDeliversTheRestOfIt() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		AtomicReference<TransportConnection> opened = new AtomicReference<>();
		TransportListener listener = new TransportListener() {

			@Override
			public void onText(String text) {
				received.add(text);
				if (received.size() == 2) {
					// On Tomcat's thread, in the middle of the read that brought the whole burst.
					opened.get().pauseReading(true);
				}
			}

			@Override
			public void onBinary(byte[] bytes) {
			}

			@Override
			public void onClose(boolean error, String description, @Nullable Throwable cause) {
			}

		};
		SpringWebSocketConnector connector = new SpringWebSocketConnector(
				this.clients.newClient(this.executor, null), this.executor, this.scheduler);
		TransportRequest request = new TransportRequest(URI.create("ws://127.0.0.1:" + this.server.getLocalPort() + "/"),
				Map.of(), 1_000_000, EngineProtocol.V4);
		TransportConnection connection = connector.open(request, listener).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		opened.set(connection);
		connection.send("burst");
		await().atMost(TIMEOUT).until(() -> received.size() >= 2);
		await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> received.size() == 2);
		connection.pauseReading(false);
		await().atMost(TIMEOUT).until(() -> received.size() == BURST);
		assertThat(received).first().isEqualTo("m0");
		assertThat(received).last().isEqualTo("m" + (BURST - 1));
		assertThat(this.pings).hasValue(1);
		connection.close();
	}

	/** One connection: the opening handshake, then a burst for "burst" and a pong for each ping. */
	private void serve() {
		try (Socket socket = this.server.accept()) {
			DataInputStream in = new DataInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			out.write(handshakeResponse(readRequest(in)).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			while (true) {
				int opcode = in.readUnsignedByte() & 0x0F;
				byte[] payload = readMaskedPayload(in);
				if (opcode == 0x1 && "burst".equals(new String(payload, StandardCharsets.UTF_8))) {
					ByteArrayOutputStream burst = new ByteArrayOutputStream();
					for (int i = 0; i < BURST; i++) {
						writeFrame(burst, 0x1, ("m" + i).getBytes(StandardCharsets.UTF_8));
					}
					out.write(burst.toByteArray());
				}
				else if (opcode == 0x9) {
					this.pings.incrementAndGet();
					writeFrame(out, 0xA, payload);
				}
				else if (opcode == 0x8) {
					writeFrame(out, 0x8, payload);
					return;
				}
				out.flush();
			}
		}
		catch (IOException ex) {
			// The test ended.
		}
	}

	private static String readRequest(DataInputStream in) throws IOException {
		StringBuilder request = new StringBuilder();
		while (request.indexOf("\r\n\r\n") < 0) {
			request.append((char) in.readUnsignedByte());
		}
		return request.toString();
	}

	private static String handshakeResponse(String request) throws IOException {
		Matcher key = Pattern.compile("(?i)Sec-WebSocket-Key:\\s*(\\S+)").matcher(request);
		if (!key.find()) {
			throw new IOException("Not a WebSocket handshake: " + request);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
			return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
					+ Base64.getEncoder().encodeToString(digest) + "\r\n\r\n";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A client's frame is masked; these are small (under 126 bytes). */
	private static byte[] readMaskedPayload(DataInputStream in) throws IOException {
		int length = in.readUnsignedByte() & 0x7F;
		byte[] mask = in.readNBytes(4);
		byte[] payload = in.readNBytes(length);
		for (int i = 0; i < length; i++) {
			payload[i] ^= mask[i % 4];
		}
		return payload;
	}

	private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
		out.write(0x80 | opcode);
		out.write(payload.length);
		out.write(payload);
	}

}
