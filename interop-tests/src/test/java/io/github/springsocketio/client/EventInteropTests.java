package io.github.springsocketio.client;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Events, acks and binary data against every reference server and transport (conformance
 * scenarios 11, 35–41, 43, 47).
 */
class EventInteropTests extends InteropMatrix {

	@RegisterExtension
	static final SocketIoServerExtension node = ServerKind.NODE.extension().withEnv("MAX_PAYLOAD", "2000000");

	@RegisterExtension
	static final SocketIoServerExtension python = ServerKind.PYTHON.extension().withEnv("MAX_PAYLOAD", "2000000")
		.withEnv("PING_INTERVAL", InteropMatrix.PYTHON_PING_INTERVAL);

	@RegisterExtension
	static final JvmReferenceServer jvm = new JvmReferenceServer();

	@Override
	SocketIoServerExtension node() {
		return node;
	}

	@Override
	SocketIoServerExtension python() {
		return python;
	}

	@Override
	JvmReferenceServer jvm() {
		return jvm;
	}

	@Test
	void sendsBinaryAttachmentsNestedInObjects() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		Map<String, Object> payload = Map.of("first", new byte[] { 1, 2, 3 }, "nested",
				Map.of("list", List.of(ByteBuffer.wrap(new byte[] { 4 }), "text")));
		Arguments echoed = client.emitWithAck("echo", payload, new byte[0]).get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(echoed.json(0).get("first").binaryValue()).containsExactly(1, 2, 3);
		assertThat(echoed.json(0).get("nested").get("list").get(0).binaryValue()).containsExactly(4);
		assertThat(echoed.bytes(1)).isEmpty();
		Map<?, ?> plain = (Map<?, ?>) echoed.toList().get(0);
		assertThat((byte[]) plain.get("first")).containsExactly(1, 2, 3);
	}

	@Test
	void receivesBinaryEventsAndAcks() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		CompletableFuture<Arguments> event = new CompletableFuture<>();
		client.on("binary", (args, ack) -> event.complete(args));
		client.connect();
		client.emit("emit-binary");
		Arguments args = event.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(args.bytes(0)).containsExactly(9, 8, 7);
		assertThat(args.json(1).get("inner").get(0).binaryValue()).containsExactly(6, 5);
		Arguments ack = client.emitWithAck("binary").get(TIMEOUT, TimeUnit.SECONDS);
		BinaryReply reply = ack.get(0, BinaryReply.class);
		assertThat(reply.first()).containsExactly(0, 1, 2);
		NestedReply nested = ack.get(0, NestedReply.class);
		assertThat(new String((byte[]) nested.nested().get("list").get(0), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("héllo");
		assertThat(nested.nested().get("list").get(1)).isEqualTo("text");
	}

	@Test
	void answersABinaryAckRequest() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		CompletableFuture<Arguments> reply = new CompletableFuture<>();
		client.on("server-request-reply", (args, ack) -> reply.complete(args));
		client.on("server-binary-request", (args, ack) -> ack.send(args.json(0).get("data").binaryValue(), new byte[] { 7 }));
		client.connect();
		client.emit("request-binary-ack");
		Arguments args = reply.get(TIMEOUT, TimeUnit.SECONDS);
		assertThat(args.bytes(0)).containsExactly(1, 2, 3);
		assertThat(args.bytes(1)).containsExactly(7);
	}

	@Test
	void carriesUnicodeAndOneMebibytePayloadsBothWays() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		CompletableFuture<String> large = new CompletableFuture<>();
		client.on("large", String.class, large::complete);
		client.connect();
		int size = 1024 * 1024 / 3;
		assertThat(client.call("large", Integer.class, size)).isEqualTo(size);
		assertThat(large.get(TIMEOUT, TimeUnit.SECONDS)).hasSize(size).matches("€+");
		String text = "😀ü€ ".repeat(1024 * 1024 / 12);
		assertThat(client.call("echo", String.class, text)).isEqualTo(text);
		byte[] bytes = new byte[1024 * 1024];
		new java.util.Random(1).nextBytes(bytes);
		assertThat(client.emitWithAck("echo", bytes).get(TIMEOUT, TimeUnit.SECONDS).bytes(0)).isEqualTo(bytes);
	}

	@Test
	void emitsFromEightThreadsAtOnceArriveInOrderPerThread() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		int threads = 8;
		int perThread = 1000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String thread = "t" + t;
				futures.add(executor.submit(() -> {
					start.await();
					for (int n = 0; n < perThread; n++) {
						client.emit("seq", thread, n);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(TIMEOUT, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		Map<String, Map<String, Object>> sequences = client.emitWithAck("stats")
			.get(TIMEOUT, TimeUnit.SECONDS)
			.get(0, new TypeReference<Stats>() {
			})
			.sequences();
		assertThat(sequences).hasSize(threads);
		sequences.values().forEach((sequence) -> {
			assertThat(sequence.get("count")).isEqualTo(perThread);
			assertThat(sequence.get("ordered")).isEqualTo(true);
		});
	}

	@Test
	void failsAnAckThatDoesNotComeInTime() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode, (builder) -> builder.ackTimeout(Duration.ofMillis(300)));
		client.connect();
		assertThat(client.emitWithAck("slow-ack", 5000)).failsWithin(TIMEOUT, TimeUnit.SECONDS)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(AckTimeoutException.class);
		assertThatExceptionOfType(AckTimeoutException.class)
			.isThrownBy(() -> client.socket("/").timeout(Duration.ofMillis(100)).call("slow-ack", String.class, 2000));
		assertThat(client.socket("/").timeout(Duration.ofSeconds(5)).call("slow-ack", String.class, 500)).isEqualTo("late");
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void failsPendingAcksWhenTheConnectionDrops() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		CompletableFuture<Arguments> pending = client.emitWithAck("slow-ack", 5000);
		client.disconnect();
		assertThat(pending).failsWithin(TIMEOUT, TimeUnit.SECONDS)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(NotConnectedException.class)
			.withMessageContaining("disconnected");
	}

	@Test
	void refusesReservedEventNames() {
		SocketIoClient client = this.clients.create(url(), this.mode);
		for (String reserved : List.of("connect", "connect_error", "disconnect", "disconnecting", "newListener",
				"removeListener")) {
			assertThatIllegalArgumentException().isThrownBy(() -> client.emit(reserved)).withMessageContaining(reserved);
			assertThatIllegalArgumentException().isThrownBy(() -> client.on(reserved, (args, ack) -> {
			})).withMessageContaining("onConnect");
		}
	}

	@Test
	void refusesAnEmitLargerThanTheServerAccepts() {
		assumeTrue(this.server != ServerKind.PYTHON, "python-socketio 5.7 does not announce its maxPayload");
		SocketIoClient client = this.clients.create(url(), this.mode);
		client.connect();
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> client.emit("echo", "x".repeat(2_100_000)))
			.withMessageContaining("2000000");
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> client.emitWithAck("echo", (Object) new byte[2_100_000]));
		assertThat(client.isConnected()).isTrue();
		assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
	}

	@Test
	void seesIncomingAndOutgoingEventsWithCatchAllHandlers() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
		BlockingQueue<String> outgoing = new LinkedBlockingQueue<>();
		client.onAny((event, args, ack) -> incoming.add(event + args.toList()));
		client.socket("/").onAnyOutgoing((event, args, ack) -> outgoing.add(event + args.toList()));
		client.connect();
		client.send("hello", 1);
		assertThat(outgoing.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("message[hello, 1]");
		client.emit("echo", "x");
		assertThat(incoming.poll(TIMEOUT, TimeUnit.SECONDS)).startsWith("welcome[{");
		assertThat(incoming.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("echo[x]");
	}

	@Test
	void keepsTheConnectionWhenAHandlerThrows() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode);
		List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch done = new CountDownLatch(10);
		client.on("many", (args, ack) -> {
			int i = args.get(0, Integer.class);
			try {
				if (i % 3 == 0) {
					throw new IllegalStateException("handler failure " + i);
				}
				handled.add(i);
			}
			finally {
				done.countDown();
			}
		});
		client.connect();
		client.emit("emit-many", 10);
		assertThat(done.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
		assertThat(handled).containsExactly(1, 2, 4, 5, 7, 8);
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void interceptorsRewriteAndDropEvents() throws Exception {
		SocketIoInterceptor interceptor = new SocketIoInterceptor() {

			@Override
			public InboundEvent beforeHandle(InboundEvent event) {
				return event.event().equals("welcome") ? null : event;
			}

			@Override
			public OutboundEvent beforeSend(OutboundEvent event) {
				if (event.event().equals("vetoed")) {
					return null;
				}
				List<Object> arguments = new ArrayList<>(event.arguments());
				arguments.add("trace-1");
				return event.withArguments(arguments);
			}

			@Override
			public Map<String, ?> beforeConnect(String namespace, Map<String, ?> auth) {
				return Map.of("token", "secret-token");
			}

		};
		SocketIoClient client = this.clients.create(url(), this.mode,
				(builder) -> builder.namespaces("/auth").interceptor(interceptor));
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		client.socket("/auth").onAny((event, args, ack) -> events.add(event));
		client.connect();
		assertThat(client.socket("/auth").emitWithAck("echo", "a").get(TIMEOUT, TimeUnit.SECONDS).toList())
			.containsExactly("a", "trace-1");
		assertThat(client.socket("/auth").emitWithAck("vetoed")).isCompletedExceptionally();
		assertThat(events.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("echo");
	}

	@Test
	void buffersEmitsMadeBeforeConnectingAndSendsThemInOrder() throws Exception {
		SocketIoClient client = this.clients.create(url(), this.mode, (builder) -> builder.sendBufferMaxPackets(3));
		client.emit("seq", "buffered", 0);
		client.emit("seq", "buffered", 1);
		CompletableFuture<Arguments> ack = client.emitWithAck("echo", "buffered-ack");
		assertThatExceptionOfType(SendBufferFullException.class).isThrownBy(() -> client.emit("seq", "buffered", 2))
			.withMessageContaining("3 packets");
		client.socket("/").emitVolatile("seq", "volatile", 0);
		client.connect();
		assertThat(ack.get(TIMEOUT, TimeUnit.SECONDS).get(0, String.class)).isEqualTo("buffered-ack");
		client.socket("/").emitVolatile("seq", "volatile", 0);
		Stats stats = client.emitWithAck("stats").get(TIMEOUT, TimeUnit.SECONDS).get(0, Stats.class);
		assertThat(stats.sequences().get("buffered")).containsEntry("count", 2).containsEntry("ordered", true);
		assertThat(stats.sequences().get("volatile")).containsEntry("count", 1);
	}

	record Stats(int count, Map<String, Map<String, Object>> sequences) {
	}

	record BinaryReply(byte[] first) {
	}

	record NestedReply(Map<String, List<Object>> nested) {
	}

}
