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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Hand-offs that wait for the end of a read: one per executor for a burst, none lost, none
 * deferred for a caller that waits, and no other thread affected.
 */
class DeferredHandOffsTests {

	private final List<Runnable> handedOff = new ArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final ExecutorService pool = Executors.newSingleThreadExecutor();

	@AfterEach
	void shutDown() {
		DeferredHandOffs.end();
		this.scheduler.shutdownNow();
		this.pool.shutdownNow();
	}

	@Test
	void handsOffAtOnceOutsideARead() {
		SerialExecutor serial = new SerialExecutor(this.handedOff::add);
		serial.execute(() -> {
		});
		assertThat(this.handedOff).hasSize(1);
	}

	@Test
	void handsABurstOfTasksOffOnceAtTheEndOfTheRead() {
		SerialExecutor serial = new SerialExecutor(this.handedOff::add);
		List<Integer> ran = new ArrayList<>();
		DeferredHandOffs.begin();
		IntStream.range(0, 100).forEach((i) -> serial.execute(() -> ran.add(i)));
		assertThat(this.handedOff).isEmpty();
		DeferredHandOffs.end();
		assertThat(this.handedOff).hasSize(1);
		this.handedOff.get(0).run();
		assertThat(ran).hasSize(100).isSorted();
	}

	@Test
	void completesAcknowledgementsWithoutWaitingForTheEndOfTheRead() {
		this.scheduler.shutdown();
		BatchedCompletions completions = new BatchedCompletions(this.handedOff::add, this.scheduler);
		CompletableFuture<Integer> future = new CompletableFuture<>();
		DeferredHandOffs.begin();
		completions.complete(future, 1);
		assertThat(this.handedOff).hasSize(1);
		this.handedOff.get(0).run();
		assertThat(future).isCompletedWithValue(1);
	}

	@Test
	void aCallerThatWaitsForItsTaskIsNotDeferred() {
		SerialExecutor serial = new SerialExecutor(this.pool);
		DeferredHandOffs.begin();
		assertThat(serial.runAndWait(() -> {
		}, Duration.ofSeconds(10))).isTrue();
	}

	@Test
	void makesEveryHandOffAtTheEndEvenAfterOneFailedAndThenStopsDeferring() {
		SerialExecutor failing = new SerialExecutor((task) -> {
			throw new IllegalStateException("refused");
		});
		SerialExecutor working = new SerialExecutor(this.handedOff::add);
		DeferredHandOffs.begin();
		failing.execute(() -> {
		});
		working.execute(() -> {
		});
		assertThatIllegalStateException().isThrownBy(DeferredHandOffs::end).withMessage("refused");
		assertThat(this.handedOff).hasSize(1);
		new SerialExecutor(this.handedOff::add).execute(() -> {
		});
		assertThat(this.handedOff).hasSize(2);
	}

	@Test
	void deferringOnOneThreadLeavesTheOthersAlone() throws Exception {
		SerialExecutor serial = new SerialExecutor(this.handedOff::add);
		DeferredHandOffs.begin();
		this.pool.submit(() -> serial.execute(() -> {
		})).get(10, TimeUnit.SECONDS);
		assertThat(this.handedOff).hasSize(1);
	}

}
