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
package io.github.springsocketio.benchmarks.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.Reconnection;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.test.SocketIoServerExtension;

/**
 * A compressed soak of one client against the reference Node server: reconnect cycles (the server
 * drops the transport, the client reconnects), then events from the server and acknowledged emits.
 * It passes when the old generation after a full collection grew less than 5 MB from a baseline
 * taken after a warm-up, the client's threads are gone once it is closed, and nothing waits in its
 * buffers. Run with {@code ./run-benchmarks --soak [--cycles 10000] [--events 1000000]}.
 */
public final class Soak {

	private static final long MAX_OLD_GEN_GROWTH = 5L * 1024 * 1024;

	private static final int ACKS = 100_000;

	private static final int ACKS_IN_FLIGHT = 100;

	private static final long TIMEOUT_SECONDS = 30;

	private final String url;

	private final int cycles;

	private final int events;

	private final Semaphore connects = new Semaphore(0);

	private final AtomicLong received = new AtomicLong();

	private Soak(String url, int cycles, int events) {
		this.url = url;
		this.cycles = cycles;
		this.events = events;
	}

	public static void main(String[] args) throws Exception {
		int cycles = option(args, "--cycles", 10_000);
		int events = option(args, "--events", 1_000_000);
		SocketIoServerExtension server = SocketIoServerExtension.nodeReference();
		server.start();
		boolean passed;
		try {
			passed = new Soak(server.url(), cycles, events).run();
		}
		finally {
			server.stop();
		}
		System.exit(passed ? 0 : 1);
	}

	private static int option(String[] args, String name, int fallback) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return Integer.parseInt(args[i + 1]);
			}
		}
		return fallback;
	}

	private boolean run() throws Exception {
		long threadsAtStart = clientThreads();
		SocketIoClient client = SocketIoClient.builder(this.url)
			.reconnection(Reconnection.exponential(Duration.ofMillis(1), Duration.ofMillis(5)))
			.build();
		client.socket("/").onConnect(this.connects::release);
		client.on("many", (arguments, ack) -> this.received.incrementAndGet());
		client.connect();
		awaitConnect();
		// Warm-up, then the baseline.
		reconnectCycles(client, 100);
		serverEvents(client, 20_000);
		acknowledgedEmits(client, 1_000);
		long oldGenBefore = oldGenerationAfterGc();
		long started = System.nanoTime();
		reconnectCycles(client, this.cycles);
		double cyclesSeconds = (System.nanoTime() - started) / 1e9;
		started = System.nanoTime();
		serverEvents(client, this.events);
		double eventsSeconds = (System.nanoTime() - started) / 1e9;
		acknowledgedEmits(client, ACKS);
		int buffered = client.socket("/").bufferedEmits();
		long oldGenAfter = oldGenerationAfterGc();
		if (oldGenAfter - oldGenBefore >= MAX_OLD_GEN_GROWTH) {
			printHistogram();
		}
		client.close();
		long threadsAfterClose = awaitClientThreads(threadsAtStart);
		long growth = oldGenAfter - oldGenBefore;
		System.out.printf("Soak against %s, Java %s:%n", this.url, Runtime.version().feature());
		System.out.printf("  %,d reconnect cycles in %.1f s (%.2f ms each)%n", this.cycles, cyclesSeconds,
				cyclesSeconds * 1000 / this.cycles);
		System.out.printf("  %,d events from the server in %.1f s (%,.0f/s); %,d acknowledged emits%n", this.events,
				eventsSeconds, this.events / eventsSeconds, ACKS);
		System.out.printf("  old generation after full GC: %.1f MB -> %.1f MB (%+.2f MB, limit +5 MB)%n",
				oldGenBefore / 1048576.0, oldGenAfter / 1048576.0, growth / 1048576.0);
		System.out.printf("  client threads: %d at start, %d after close; emits still buffered: %d%n", threadsAtStart,
				threadsAfterClose, buffered);
		boolean passed = growth < MAX_OLD_GEN_GROWTH && threadsAfterClose <= threadsAtStart && buffered == 0;
		System.out.println(passed ? "PASS" : "FAIL");
		return passed;
	}

	/**
	 * What the heap holds, by class (the JDK's {@code jcmd}), to tell what grew.
	 */
	private static void printHistogram() throws Exception {
		Process jcmd = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
			.redirectErrorStream(true)
			.start();
		try (var lines = jcmd.inputReader().lines()) {
			lines.limit(30).forEach(System.out::println);
		}
		jcmd.waitFor(30, TimeUnit.SECONDS);
	}

	private void awaitConnect() throws InterruptedException {
		if (!this.connects.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The client did not (re)connect within " + TIMEOUT_SECONDS + " s");
		}
	}

	/**
	 * The server drops the client's transport; the client reconnects, and the next cycle starts
	 * once the namespace is connected again.
	 */
	private void reconnectCycles(SocketIoClient client, int count) throws InterruptedException {
		for (int i = 0; i < count; i++) {
			client.emit("drop-transport", 0);
			awaitConnect();
		}
	}

	private void serverEvents(SocketIoClient client, int count) throws Exception {
		long target = this.received.get() + count;
		// The server acknowledges once it emitted them all, which takes longer than the default ack timeout.
		Duration patience = Duration.ofSeconds(TIMEOUT_SECONDS * 10);
		client.socket("/").timeout(patience).emitWithAck("emit-batches", count, 1_000).get(patience.toSeconds(),
				TimeUnit.SECONDS);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
		while (this.received.get() < target) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + this.received.get() + " of " + target + " events arrived");
			}
			Thread.onSpinWait();
		}
	}

	private static void acknowledgedEmits(SocketIoClient client, int count) throws Exception {
		Deque<CompletableFuture<Arguments>> inFlight = new ArrayDeque<>();
		for (int i = 0; i < count; i++) {
			if (inFlight.size() == ACKS_IN_FLIGHT) {
				inFlight.poll().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			inFlight.add(client.emitWithAck("add", i, 1));
		}
		for (CompletableFuture<Arguments> reply : inFlight) {
			reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
	}

	private static long oldGenerationAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter((pool) -> pool.getName().contains("Old Gen") || pool.getName().contains("Tenured"))
			.map(MemoryPoolMXBean::getUsage)
			.mapToLong((usage) -> usage.getUsed())
			.sum();
	}

	/**
	 * The client's threads and the WebSocket stacks'; the JDK's HTTP clients stop theirs only on
	 * Java 21+ (on 17, once collected), so they count there only.
	 */
	private static long clientThreads() {
		boolean httpClientsStop = Runtime.version().feature() >= 21;
		return Thread.getAllStackTraces().keySet().stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("socketio-") && !name.startsWith("socketio-test")
					|| name.startsWith("WebSocketClient-") || httpClientsStop && name.startsWith("HttpClient-"))
			.count();
	}

	private static long awaitClientThreads(long expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		long threads = clientThreads();
		while (threads > expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
			threads = clientThreads();
		}
		return threads;
	}

}
