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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The test server's own threads: the event thread, on which handlers and hooks run one at a time,
 * and the heartbeat's timer. Daemons, created lazily (maybe on a Tomcat thread) with this
 * library's class loader rather than Tomcat's.
 */
final class ServerThreads {

	private final ExecutorService events;

	private final ScheduledExecutorService heartbeat;

	private volatile @Nullable Thread eventThread;

	ServerThreads() {
		this.events = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = daemon(task, "socketio-test-server-events");
			this.eventThread = thread;
			return thread;
		});
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "socketio-test-server-heartbeat"));
	}

	Executor events() {
		return this.events;
	}

	ScheduledExecutorService heartbeat() {
		return this.heartbeat;
	}

	/** Lets the event thread finish what is queued (e.g. dropped clients' departures), unless this is it. */
	void awaitEvents() {
		if (Thread.currentThread() == this.eventThread) {
			return;
		}
		CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
		}, this.events);
		try {
			drained.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	void shutdown() {
		this.events.shutdown();
		this.heartbeat.shutdownNow();
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.setContextClassLoader(ServerThreads.class.getClassLoader());
		return thread;
	}

}
