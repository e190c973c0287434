package io.github.springsocketio.client;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springsocketio.test.ChaosProxy;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chaos tests: cuts, restarts and outages through the {@link ChaosProxy}, each bounded in time.
 */
class ChaosTests {

	private static final long TIMEOUT = 30;

	private static final Reconnection FAST = Reconnection.exponential(Duration.ofMillis(50), Duration.ofMillis(200));

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference().withEnv("RECOVERY", "1");

	@RegisterExtension
	final TestClients clients = new TestClients();

	@Test
	@Timeout(120)
	void everyEmitWithRetriesIsAcknowledgedInOrderAcrossTwentyCuts() throws Exception {
		try (ChaosProxy proxy = ChaosProxy.to(server.port())) {
			SocketIoClient client = this.clients.create(proxy.url(), TransportMode.WEBSOCKET,
					(builder) -> builder.reconnection(FAST)
						.retries(100)
						.ackTimeout(Duration.ofSeconds(2))
						.sendBufferMaxPackets(10_000));
			client.connect();
			int total = 10_000;
			AtomicInteger acknowledged = new AtomicInteger();
			List<CompletableFuture<Arguments>> acks = new ArrayList<>();
			for (int n = 0; n < total; n++) {
				acks.add(client.emitWithAck("seq-ack", "stream-a", n).whenComplete((args, failure) -> acknowledged.incrementAndGet()));
			}
			for (int cut = 1; cut <= 20; cut++) {
				int threshold = cut * total / 21;
				await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> acknowledged.get() >= threshold);
				proxy.cutAll();
			}
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(TIMEOUT * 2, TimeUnit.SECONDS);
			for (int n = 0; n < total; n++) {
				assertThat(acks.get(n).get().get(0, Integer.class)).isEqualTo(n);
			}
			Map<?, ?> report = client.socket("/").timeout(Duration.ofSeconds(TIMEOUT)).call("seq-report", Map.class, "stream-a");
			assertThat(report.get("distinct")).isEqualTo(total);
			assertThat(report.get("max")).isEqualTo(total - 1);
			assertThat(report.get("ordered")).isEqualTo(true);
			System.out.println("chaos (a): " + total + " emits acknowledged across 20 cuts, " + proxy.connections()
					+ " connections, " + ((Integer) report.get("received") - total) + " emits received again");
			assertThat(proxy.connections()).isGreaterThanOrEqualTo(21);
			List<Integer> many = Collections.synchronizedList(new ArrayList<>());
			CountDownLatch received = new CountDownLatch(10);
			client.on("many", (args, ack) -> {
				many.add(args.get(0, Integer.class));
				received.countDown();
			});
			client.emit("emit-many", 10);
			assertThat(received.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
			assertThat(client.call("add", Integer.class, 1, 1)).isEqualTo(2);
			assertThat(many).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		}
	}

	@Test
	@Timeout(120)
	void reconnectsAfterEachOfFiveServerRestartsAndLeavesNoThreadBehind() throws Exception {
		int before = ManagementFactory.getThreadMXBean().getThreadCount();
		SocketIoServerExtension restarting = SocketIoServerExtension.nodeReference().withPort(freePort());
		List<Long> reconnectMillis = new ArrayList<>();
		restarting.start();
		try {
			SocketIoClient client = this.clients.create(restarting.url(), TransportMode.WEBSOCKET,
					(builder) -> builder.reconnection(FAST));
			BlockingQueue<Integer> reconnects = new LinkedBlockingQueue<>();
			client.onReconnect(reconnects::add);
			List<String> welcomes = Collections.synchronizedList(new ArrayList<>());
			client.on("welcome", (args, ack) -> welcomes.add(args.json(0).get("id").stringValue()));
			client.connect();
			for (int restart = 0; restart < 5; restart++) {
				restarting.stop();
				long down = System.nanoTime();
				restarting.start();
				long up = System.nanoTime();
				assertThat(reconnects.poll(TIMEOUT, TimeUnit.SECONDS)).isNotNull();
				reconnectMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - up));
				assertThat(down).isLessThan(up);
				assertThat(client.call("add", Integer.class, restart, 1)).isEqualTo(restart + 1);
			}
			await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> welcomes.size() == 6);
			assertThat(welcomes).doesNotHaveDuplicates();
			client.close();
		}
		finally {
			restarting.stop();
		}
		await().pollInSameThread().atMost(Duration.ofSeconds(TIMEOUT)).untilAsserted(() -> {
			System.gc();
			assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(before + 2);
		});
		System.out.println("chaos (b): reconnected " + reconnectMillis + " ms after each server start; live threads "
				+ before + " before, " + ManagementFactory.getThreadMXBean().getThreadCount() + " after");
	}

	@Test
	@Timeout(120)
	void recoversTheEventsSentWhileCutOffForTwoSeconds() throws Exception {
		try (ChaosProxy proxy = ChaosProxy.to(server.port())) {
			SocketIoClient client = this.clients.create(proxy.url(), TransportMode.WEBSOCKET,
					(builder) -> builder.reconnection(FAST));
			List<Integer> later = Collections.synchronizedList(new ArrayList<>());
			CountDownLatch all = new CountDownLatch(100);
			client.on("later", (args, ack) -> {
				later.add(args.get(0, Integer.class));
				all.countDown();
			});
			CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
			client.socket("/").onDisconnect(disconnected::complete);
			client.connect();
			client.emit("emit-later", 100, 300);
			assertThat(client.call("add", Integer.class, 1, 1)).isEqualTo(2);
			proxy.cutOff();
			disconnected.get(TIMEOUT, TimeUnit.SECONDS);
			long start = System.nanoTime();
			await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
			assertThat(later).isEmpty();
			proxy.restore();
			assertThat(all.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			List<Integer> expected = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				expected.add(i);
			}
			assertThat(later).isEqualTo(expected);
			assertThat(client.socket("/").recovered()).isTrue();
			System.out.println("chaos (c): all 100 events recovered, in order, "
					+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms after the cut");
		}
	}

	@Test
	@Timeout(180)
	void aThousandConnectDisconnectCyclesLeakNoThreadsAndNoHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET);
		for (int i = 0; i < 50; i++) {
			client.connect();
			client.disconnect();
		}
		System.gc();
		int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		for (int i = 0; i < 1000; i++) {
			client.connect();
			client.disconnect();
		}
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		await().pollInSameThread().atMost(Duration.ofSeconds(TIMEOUT)).untilAsserted(() -> {
			System.gc();
			assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore + 2);
			assertThat(memory.getHeapMemoryUsage().getUsed()).isLessThan(heapBefore + 16 * 1024 * 1024);
		});
		System.out.println("chaos (d): 1000 cycles; live threads " + threadsBefore + " -> "
				+ ManagementFactory.getThreadMXBean().getThreadCount() + "; heap after GC " + heapBefore / 1024 + " KiB -> "
				+ memory.getHeapMemoryUsage().getUsed() / 1024 + " KiB");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
