package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.springsocketio.client.InboundOverflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bound on the events that wait for a namespace's handlers, against a fake connection.
 */
class InboundBacklogTests {

	private static final int LIMIT = 4;

	private final ExecutorService handlerThread = Executors.newSingleThreadExecutor();

	private final CountDownLatch release = new CountDownLatch(1);

	private final Queue<Integer> handled = new ConcurrentLinkedQueue<>();

	private FakeNamespaceHost host;

	@AfterEach
	void close() {
		this.release.countDown();
		this.host.close();
		this.handlerThread.shutdownNow();
	}

	private Namespace connected(InboundOverflow overflow) throws Exception {
		this.host = new FakeNamespaceHost(FakeNamespaceHost.options(LIMIT, overflow));
		this.host.handlers = this.handlerThread;
		Namespace namespace = new Namespace(this.host, "/");
		namespace.socket().on("n", (arguments, ack) -> {
			this.release.await();
			this.handled.add(arguments.get(0, Integer.class));
		});
		namespace.socket().connectAsync();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.host.sent.contains("0"));
		this.host.receive(namespace, "0{\"sid\":\"abc\"}");
		return namespace;
	}

	private void receive(Namespace namespace, int from, int to) throws Exception {
		for (int i = from; i <= to; i++) {
			this.host.receive(namespace, "2[\"n\"," + i + "]");
		}
	}

	@Test
	void pausesReadingPastTheLimitAndResumesOnceHalfIsHandled() throws Exception {
		Namespace namespace = connected(InboundOverflow.PAUSE);
		receive(namespace, 1, LIMIT);
		assertThat(this.host.readingPaused).isFalse();
		receive(namespace, LIMIT + 1, LIMIT + 1);
		assertThat(this.host.readingPaused).isTrue();
		assertThat(namespace.pausesReading()).isTrue();
		this.release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.host.readingPaused);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.handled.size() == LIMIT + 1);
		assertThat(this.handled).containsExactly(1, 2, 3, 4, 5);
		assertThat(namespace.pausesReading()).isFalse();
		assertThat(this.host.reports).doesNotContain("dropped n overflow");
	}

	@Test
	void keepsAPayloadsWorthBeyondTheLimitAndDropsWhatReadingDidNotStop() throws Exception {
		Namespace namespace = connected(InboundOverflow.PAUSE);
		int kept = LIMIT + InboundBacklog.READ_AHEAD;
		this.host.onSerial(() -> {
			for (int i = 1; i <= kept + 2; i++) {
				namespace.receive(this.host.decode("2[\"n\"," + i + "]"));
			}
		});
		assertThat(this.host.reports).filteredOn("dropped n overflow"::equals).hasSize(2);
		this.release.countDown();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.handled.size() == kept);
		assertThat(this.handled).containsExactlyElementsOf(IntStream.rangeClosed(1, kept).boxed().toList());
	}

	@Test
	void dropsTheNewestEventsPastTheLimitAndKeepsReading() throws Exception {
		Namespace namespace = connected(InboundOverflow.DROP);
		receive(namespace, 1, LIMIT + 3);
		assertThat(this.host.readingPaused).isFalse();
		assertThat(this.host.reports).filteredOn("dropped n overflow"::equals).hasSize(3);
		this.release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.handled.size() == LIMIT);
		// Room again once handled.
		receive(namespace, 10, 10);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.handled.size() == LIMIT + 1);
		assertThat(this.handled).containsExactly(1, 2, 3, 4, 10);
	}

}
