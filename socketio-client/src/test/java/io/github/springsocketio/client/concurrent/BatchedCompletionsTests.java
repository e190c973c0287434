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
package io.github.springsocketio.client.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Futures completed off the caller's thread, a batch per hand-off, without letting a callback that
 * blocks hold the others.
 */
class BatchedCompletionsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> new Thread(task, "app-handler"));

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void shutDown() {
		this.executor.shutdownNow();
		this.scheduler.shutdownNow();
	}

	@Test
	void completesABurstInArrivalOrderWithOneHandOff() {
		List<Runnable> handedOff = new ArrayList<>();
		// No timer: only the arrivals and the task decide.
		this.scheduler.shutdown();
		BatchedCompletions completions = new BatchedCompletions(handedOff::add, this.scheduler);
		List<Integer> order = new CopyOnWriteArrayList<>();
		List<CompletableFuture<Integer>> futures = IntStream.range(0, 100).mapToObj((i) -> {
			CompletableFuture<Integer> future = new CompletableFuture<>();
			future.thenAccept(order::add);
			return future;
		}).toList();
		for (int i = 0; i < futures.size(); i++) {
			completions.complete(futures.get(i), i);
		}
		assertThat(order).isEmpty();
		assertThat(handedOff).hasSize(1);
		handedOff.get(0).run();
		assertThat(order).containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
	}

	@Test
	void anExecutorThatIsLateToStartTheTaskGetsNoSecondOne() throws InterruptedException {
		List<Runnable> handedOff = new ArrayList<>();
		this.scheduler.shutdown();
		BatchedCompletions completions = new BatchedCompletions(handedOff::add, this.scheduler);
		List<Integer> order = new CopyOnWriteArrayList<>();
		CompletableFuture<Integer> first = new CompletableFuture<>();
		first.thenAccept(order::add);
		completions.complete(first, 1);
		// Not a synchronisation: the stall window must pass with the task not yet started.
		Thread.sleep(BatchedCompletions.STALL_MILLIS * 3);
		CompletableFuture<Integer> second = new CompletableFuture<>();
		second.thenAccept(order::add);
		completions.complete(second, 2);
		assertThat(handedOff).hasSize(1);
		handedOff.get(0).run();
		assertThat(order).containsExactly(1, 2);
	}

	@Test
	void runsCallbacksOnTheExecutor() {
		BatchedCompletions completions = new BatchedCompletions(this.executor, this.scheduler);
		CompletableFuture<String> future = new CompletableFuture<>();
		CompletableFuture<String> thread = future.thenApply((value) -> Thread.currentThread().getName());
		completions.complete(future, "done");
		assertThat(thread).succeedsWithin(TIMEOUT).isEqualTo("app-handler");
		CompletableFuture<String> failed = new CompletableFuture<>();
		completions.fail(failed, new IllegalStateException("lost"));
		assertThat(failed).failsWithin(TIMEOUT).withThrowableThat().havingCause().withMessage("lost");
	}

	@Test
	void aCallbackThatWaitsForALaterFutureOfTheSameBatchDoesNotHoldIt() {
		BatchedCompletions completions = new BatchedCompletions(this.executor, this.scheduler);
		CompletableFuture<String> first = new CompletableFuture<>();
		CompletableFuture<String> second = new CompletableFuture<>();
		CountDownLatch firstRunning = new CountDownLatch(1);
		CompletableFuture<String> both = first.thenApply((value) -> {
			firstRunning.countDown();
			return value + second.join();
		});
		// Both queue while the executor's task has not started; nothing arrives after them.
		completions.complete(first, "a");
		completions.complete(second, "b");
		assertThat(both).succeedsWithin(TIMEOUT).isEqualTo("ab");
		assertThat(firstRunning.getCount()).isZero();
	}

	@Test
	void aCallbackThatBlocksDoesNotHoldWhatArrivesAfterIt() throws Exception {
		BatchedCompletions completions = new BatchedCompletions(this.executor, this.scheduler);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch blocking = new CountDownLatch(1);
		CompletableFuture<String> slow = new CompletableFuture<>();
		slow.thenAccept((value) -> {
			blocking.countDown();
			await().atMost(TIMEOUT).until(() -> release.getCount() == 0);
		});
		completions.complete(slow, "slow");
		assertThat(blocking.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<Integer>> later = IntStream.range(0, 10).mapToObj((i) -> new CompletableFuture<Integer>())
			.toList();
		for (int i = 0; i < later.size(); i++) {
			completions.complete(later.get(i), i);
		}
		for (CompletableFuture<Integer> future : later) {
			assertThat(future).succeedsWithin(TIMEOUT);
		}
		release.countDown();
	}

	@Test
	void failsTheFuturesWhenTheExecutorRefuses() {
		BatchedCompletions completions = new BatchedCompletions((task) -> {
			throw new RejectedExecutionException("shut down");
		}, this.scheduler);
		CompletableFuture<String> future = new CompletableFuture<>();
		completions.complete(future, "never");
		assertThat(future).isCompletedExceptionally();
		assertThat(future).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
			.isInstanceOf(RejectedExecutionException.class)
			.withMessageContaining("refused");
		CompletableFuture<String> next = new CompletableFuture<>();
		completions.complete(next, "again");
		assertThat(next).isCompletedExceptionally();
	}

}
