package io.github.springsocketio.client.connection;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the clients of a JVM share: the HTTP clients, one per TLS context and proxy, until its last
 * user gives it back, and the bounded pool that runs handlers where the JVM has no virtual threads.
 */
class SharedResourcesTests {

	@Test
	void sharesOneHttpClientPerTlsContextUntilItsLastUserIsDone() throws Exception {
		SharedResources resources = SharedResources.acquire();
		try {
			SSLContext bundle = SSLContext.getInstance("TLS");
			bundle.init(null, null, null);
			HttpClient first = resources.httpClient(bundle, null);
			assertThat(resources.httpClient(bundle, null)).isSameAs(first);
			HttpClient plain = resources.httpClient(null, null);
			assertThat(plain).isNotSameAs(first);
			resources.releaseHttpClient(bundle, null);
			assertThat(resources.httpClient(bundle, null)).isSameAs(first);
			resources.releaseHttpClient(bundle, null);
			resources.releaseHttpClient(bundle, null);
			// The last user gave it back: the next one gets a new client.
			HttpClient second = resources.httpClient(bundle, null);
			assertThat(second).isNotSameAs(first);
			resources.releaseHttpClient(bundle, null);
			resources.releaseHttpClient(null, null);
		}
		finally {
			resources.release();
		}
	}

	@Test
	void handlerPoolAddsNoThreadForTasksThatBlock() throws Exception {
		ForkJoinPool pool = SharedResources.forkJoinPool(2, "socketio-test-pool-");
		try {
			CompletableFuture<Void> gate = new CompletableFuture<>();
			AtomicInteger started = new AtomicInteger();
			CountDownLatch finished = new CountDownLatch(6);
			for (int i = 0; i < 6; i++) {
				pool.execute(() -> {
					started.incrementAndGet();
					// Waits as a ManagedBlocker: an unbounded ForkJoinPool would add a thread for it.
					gate.join();
					finished.countDown();
				});
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 2);
			// A pool that compensates for blocked workers starts a spare within milliseconds.
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(10))
				.until(() -> started.get() == 2 && pool.getPoolSize() == 2);
			gate.complete(null);
			assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(pool.getPoolSize()).isLessThanOrEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void handlerPoolNamesItsDaemonThreadsAndOutlivesATaskThatThrows() throws Exception {
		ForkJoinPool pool = SharedResources.forkJoinPool(1, "socketio-test-pool-");
		try {
			pool.execute(() -> {
				throw new IllegalStateException("a task that throws");
			});
			List<Thread> threads = new ArrayList<>();
			CountDownLatch ran = new CountDownLatch(1);
			pool.execute(() -> {
				threads.add(Thread.currentThread());
				ran.countDown();
			});
			assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(threads.get(0).getName()).startsWith("socketio-test-pool-");
			assertThat(threads.get(0).isDaemon()).isTrue();
		}
		finally {
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

}
