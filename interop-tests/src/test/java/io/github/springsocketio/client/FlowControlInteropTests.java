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
package io.github.springsocketio.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.springsocketio.test.ChaosProxy;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Flow control against the reference Node server: a server that floods handlers which fall
 * behind (100,000 events), and a connection that stops taking what the client emits.
 */
class FlowControlInteropTests {

	private static final long TIMEOUT = 20;

	/** The server acknowledges a flood once the client read all of it, behind handlers that wait. */
	private static final Duration FLOOD_ACK_TIMEOUT = Duration.ofSeconds(90);

	private static final int LIMIT = 50;

	/**
	 * The backlog of the pausing test: reading pauses at it and resumes at half of it, so a small
	 * one costs thousands of pauses for the flood, each a round trip through the WebSocket stack,
	 * which on a busy machine outlasted the flood's ack timeout.
	 */
	private static final int PAUSE_LIMIT = 1_000;

	private static final int FLOOD = 100_000;

	private static final int BURST = 20;

	/**
	 * A heartbeat longer than any flood here: while the client works through 100,000 events behind
	 * its handlers it reads the server's pings late, and on a busy machine a default 45 s heartbeat
	 * ended the connection that these tests are about.
	 */
	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference()
		.withEnv("PING_INTERVAL", "120000")
		.withEnv("PING_TIMEOUT", "120000");

	@RegisterExtension
	final TestClients clients = new TestClients();

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<Integer> handled = new ArrayList<>();

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicInteger dropped = new AtomicInteger();

	private SocketIoClient flooded(TransportMode mode, InboundOverflow overflow, int limit) {
		SocketIoClient client = this.clients.create(server.url(), mode,
				(builder) -> builder.maxPendingInboundEvents(limit).inboundOverflow(overflow));
		client.observe(new SocketIoClientObserver() {

			@Override
			public void eventReceived(String namespace, String event) {
				if ("many".equals(event)) {
					FlowControlInteropTests.this.received.incrementAndGet();
				}
			}

			@Override
			public void eventDropped(String namespace, String event, String reason) {
				if ("overflow".equals(reason)) {
					FlowControlInteropTests.this.dropped.incrementAndGet();
				}
			}

		});
		client.on("many", (arguments, ack) -> {
			this.release.await();
			synchronized (this.handled) {
				this.handled.add(arguments.get(0, Integer.class));
			}
		});
		client.connect();
		return client;
	}

	private int handledCount() {
		synchronized (this.handled) {
			return this.handled.size();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET", "WEBSOCKET_JDK", "WEBSOCKET_NETTY", "POLLING" })
	void pausesReadingWhileHandlersAreBehindAndLosesNothing(TransportMode mode) throws Exception {
		SocketIoClient client = flooded(mode, InboundOverflow.PAUSE, PAUSE_LIMIT);
		// In batches: long-polling gets the flood in many payloads, and stops polling after one.
		CompletableFuture<Arguments> flooding = client.socket("/").timeout(FLOOD_ACK_TIMEOUT)
			.emitWithAck("emit-batches", FLOOD, 100);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.received.get() > PAUSE_LIMIT);
		// Reading stopped: the rest of the flood stays with the server and the network.
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(TIMEOUT))
			.until(() -> this.received.get() < FLOOD / 2);
		assertThat(flooding).isNotDone();
		this.release.countDown();
		assertThat(flooding.get(FLOOD_ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(0, Integer.class)).isEqualTo(FLOOD);
		await().atMost(FLOOD_ACK_TIMEOUT).until(() -> handledCount() == FLOOD);
		assertThat(this.dropped).hasValue(0);
		synchronized (this.handled) {
			for (int i = 0; i < FLOOD; i++) {
				assertThat(this.handled.get(i)).isEqualTo(i);
			}
		}
		assertThat(client.isConnected()).isTrue();
	}

	/**
	 * Reading pauses in the middle of a burst that is all the server sends for a while: what was
	 * read with it but not yet processed still comes through once reading resumes.
	 */
	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET", "WEBSOCKET_JDK", "WEBSOCKET_NETTY", "POLLING" })
	void resumesWithWhatWasReadBeforeThePause(TransportMode mode) throws Exception {
		SocketIoClient client = flooded(mode, InboundOverflow.PAUSE, 1);
		CompletableFuture<Arguments> burst = client.socket("/").emitWithAck("emit-many", BURST);
		// The first event holds its handler, the second pauses reading.
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.received.get() >= 2);
		this.release.countDown();
		assertThat(burst.get(TIMEOUT, TimeUnit.SECONDS).get(0, Integer.class)).isEqualTo(BURST);
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> handledCount() == BURST);
		synchronized (this.handled) {
			assertThat(this.handled).containsExactlyElementsOf(IntStream.range(0, BURST).boxed().toList());
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET_JDK", "WEBSOCKET_NETTY", "POLLING" })
	void dropsTheNewestEventsPastTheLimitAndCountsThem(TransportMode mode) throws Exception {
		SocketIoClient client = flooded(mode, InboundOverflow.DROP, LIMIT);
		assertThat(client.socket("/")
			.timeout(FLOOD_ACK_TIMEOUT)
			.emitWithAck("emit-many", FLOOD)
			.get(FLOOD_ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.get(0, Integer.class)).isEqualTo(FLOOD);
		// The first handler holds its event until released: the backlog stays full.
		assertThat(this.received).hasValue(FLOOD);
		assertThat(this.dropped).hasValue(FLOOD - LIMIT);
		this.release.countDown();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> handledCount() == LIMIT);
		synchronized (this.handled) {
			assertThat(this.handled).containsExactlyElementsOf(IntStream.range(0, LIMIT).boxed().toList());
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "WEBSOCKET", "WEBSOCKET_JDK", "WEBSOCKET_NETTY", "POLLING" })
	void refusesEmitsOnceTheConnectionHoldsTooMuch(TransportMode mode) throws Exception {
		try (ChaosProxy proxy = ChaosProxy.to(server.port())) {
			SocketIoClient client = this.clients.create(proxy.url(), mode,
					(builder) -> builder.sendBufferMaxBytes(1024 * 1024));
			client.connect();
			proxy.stall();
			String chunk = "x".repeat(64 * 1024);
			// The network's buffers take some megabytes first; 200 MB would mean no bound at all.
			assertThatExceptionOfType(SendBufferFullException.class).isThrownBy(() -> {
				for (int i = 0; i < 3200; i++) {
					client.emit("echo", chunk);
				}
			}).withMessageContaining("send-buffer.max-bytes");
			proxy.restore();
			assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
			client.emit("echo", chunk);
		}
	}

}
