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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SerialExecutor}: one task at a time, in order, on the caller's thread when idle.
 */
class SerialExecutorTests {

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	private final SerialExecutor serial = new SerialExecutor(this.pool);

	@AfterEach
	void shutDown() {
		this.pool.shutdownNow();
	}

	@Test
	void runsATaskOnTheCallingThreadWhenIdle() {
		List<Thread> ran = new CopyOnWriteArrayList<>();
		this.serial.executeHere(() -> ran.add(Thread.currentThread()));
		assertThat(ran).containsExactly(Thread.currentThread());
	}

	@Test
	void queuesBehindARunningTaskAndKeepsTheOrder() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(3);
		List<String> order = new CopyOnWriteArrayList<>();
		this.serial.execute(() -> {
			started.countDown();
			await(release);
			order.add("first");
			done.countDown();
		});
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		this.serial.executeHere(() -> {
			order.add("second");
			done.countDown();
		});
		assertThat(order).isEmpty();
		this.serial.execute(() -> {
			order.add("third");
			done.countDown();
		});
		release.countDown();
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(order).containsExactly("first", "second", "third");
	}

	@Test
	void runsWhatATaskQueuedAfterIt() throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		List<String> order = new CopyOnWriteArrayList<>();
		this.serial.executeHere(() -> {
			this.serial.execute(() -> {
				order.add("queued inside");
				done.countDown();
			});
			order.add("outer");
		});
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(order).containsExactly("outer", "queued inside");
	}

	@Test
	void runsWhatAnotherThreadQueuedMeanwhileOnTheCallingThreadWithoutAHandOff() {
		AtomicInteger handOffs = new AtomicInteger();
		SerialExecutor counted = new SerialExecutor((task) -> {
			handOffs.incrementAndGet();
			this.pool.execute(task);
		});
		List<Thread> ranOn = new CopyOnWriteArrayList<>();
		counted.executeHere(() -> runAndJoin(() -> counted.execute(() -> ranOn.add(Thread.currentThread()))));
		assertThat(ranOn).containsExactly(Thread.currentThread());
		assertThat(handOffs).hasValue(0);
	}

	@Test
	void handsWhatQueuedBeyondABatchToTheExecutorInOrder() throws Exception {
		AtomicInteger handOffs = new AtomicInteger();
		SerialExecutor counted = new SerialExecutor((task) -> {
			handOffs.incrementAndGet();
			this.pool.execute(task);
		});
		int queued = SerialExecutor.BATCH + 10;
		CountDownLatch done = new CountDownLatch(queued);
		List<Integer> order = new CopyOnWriteArrayList<>();
		List<Thread> ranOn = new CopyOnWriteArrayList<>();
		counted.executeHere(() -> runAndJoin(() -> {
			for (int i = 0; i < queued; i++) {
				int index = i;
				counted.execute(() -> {
					order.add(index);
					ranOn.add(Thread.currentThread());
					done.countDown();
				});
			}
		}));
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(order).isSorted().hasSize(queued);
		assertThat(ranOn.subList(0, SerialExecutor.BATCH)).containsOnly(Thread.currentThread());
		assertThat(ranOn.subList(SerialExecutor.BATCH, queued)).doesNotContain(Thread.currentThread());
		assertThat(handOffs).hasValue(1);
	}

	@Test
	void runsWhatATaskLeftForAfterItOnceItLetGoSoThatATaskSubmittedThenRunsHere() {
		List<String> order = new CopyOnWriteArrayList<>();
		List<Thread> ranOn = new CopyOnWriteArrayList<>();
		this.serial.executeHere(() -> {
			this.serial.afterRelease(() -> {
				order.add("after");
				// Free again: a task submitted here runs at once on this thread.
				this.serial.executeHere(() -> {
					order.add("next");
					ranOn.add(Thread.currentThread());
				});
			});
			order.add("task");
		});
		assertThat(order).containsExactly("task", "after", "next");
		assertThat(ranOn).containsExactly(Thread.currentThread());
	}

	@Test
	void runsAnAfterReleaseActionAtOnceOutsideATask() {
		List<String> order = new CopyOnWriteArrayList<>();
		this.serial.afterRelease(() -> order.add("now"));
		assertThat(order).containsExactly("now");
	}

	private static void runAndJoin(Runnable action) {
		Thread other = new Thread(action);
		other.start();
		try {
			other.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
