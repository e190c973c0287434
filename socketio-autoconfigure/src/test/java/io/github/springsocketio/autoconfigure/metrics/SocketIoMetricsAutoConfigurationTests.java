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
package io.github.springsocketio.autoconfigure.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.autoconfigure.SocketIoAutoConfiguration;
import io.github.springsocketio.client.AckTimeoutException;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoClientObserver;
import io.github.springsocketio.metrics.SocketIoClientMetrics;
import io.github.springsocketio.test.SocketIoServerExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The meters of {@link SocketIoMetricsAutoConfiguration}, read after real traffic with the
 * reference Node server.
 */
class SocketIoMetricsAutoConfigurationTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withBean(SimpleMeterRegistry.class)
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MetricsAutoConfiguration.class,
				SocketIoAutoConfiguration.class, SocketIoMetricsAutoConfiguration.class))
		.withPropertyValues("management.metrics.use-global-registry=false", "socketio.client.url=" + server.url(),
				"socketio.client.auto-connect=false", "socketio.client.reconnection.enabled=false");

	@Test
	void registersNoMetersWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SocketIoAutoConfiguration.class,
					SocketIoMetricsAutoConfiguration.class))
			.withPropertyValues("socketio.client.url=" + server.url())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SocketIoMetricsAutoConfiguration.SocketIoClientMetricsPostProcessor.class));
	}

	@Test
	void countsConnectsEventsAcksAndBytes() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			SocketIoClient client = context.getBean(SocketIoClient.class);
			CountDownLatch welcomed = new CountDownLatch(1);
			client.on("welcome", (args, ack) -> welcomed.countDown());
			client.connect();
			assertThat(welcomed.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < 3; i++) {
				client.emitWithAck("echo", "hello " + i).get(TIMEOUT, TimeUnit.SECONDS);
			}
			CompletableFuture<?> unanswered = client.socket("/").timeout(Duration.ofMillis(200)).emitWithAck("no-ack");
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> unanswered.get(TIMEOUT, TimeUnit.SECONDS))
				.withCauseInstanceOf(AckTimeoutException.class);

			assertThat(gauge(registry, "socketio.client.connected")).isEqualTo(1);
			assertThat(counter(registry, "socketio.client.connects", "outcome", "success")).isEqualTo(1);
			assertThat(counter(registry, "socketio.client.events.sent", "event", "echo")).isEqualTo(3);
			assertThat(counter(registry, "socketio.client.events.sent", "event", "no-ack")).isEqualTo(1);
			assertThat(counter(registry, "socketio.client.events.received", "event", "welcome")).isEqualTo(1);
			assertThat(registry.get("socketio.client.ack").tags("client", "default", "outcome", "ok").timer().count())
				.isEqualTo(3);
			assertThat(registry.get("socketio.client.ack").tag("outcome", "timeout").timer().count()).isEqualTo(1);
			assertThat(registry.get("socketio.client.ack").tag("outcome", "timeout").timer().totalTime(TimeUnit.MILLISECONDS))
				.isGreaterThanOrEqualTo(200);
			// Each echo is at least ["echo","hello 0"] out and back.
			assertThat(registry.get("socketio.client.bytes.sent").functionCounter().count()).isGreaterThan(3 * 16);
			assertThat(registry.get("socketio.client.bytes.received").functionCounter().count()).isGreaterThan(3 * 16);
			assertThat(registry.get("socketio.client.reconnect.attempts").counter().count()).isZero();
		});
	}

	@Test
	void keepsTheMetersBoundedWhenAServerSendsEverNewEventNames() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			SocketIoClient client = context.getBean(SocketIoClient.class);
			client.connect();
			assertThat(client.socket("/")
				.timeout(Duration.ofSeconds(TIMEOUT * 6))
				.emitWithAck("emit-distinct", 100_000)
				.get(TIMEOUT * 6, TimeUnit.SECONDS)
				.get(0, Integer.class)).isEqualTo(100_000);
			assertThat(registry.find("socketio.client.events.received").counters())
				.hasSizeLessThanOrEqualTo(SocketIoClientMetrics.DEFAULT_MAX_EVENT_TAGS + 1);
			assertThat(registry.getMeters()).hasSizeLessThan(SocketIoClientMetrics.DEFAULT_MAX_EVENT_TAGS + 50);
			assertThat(registry.get("socketio.client.events.received").tag("event", SocketIoClientMetrics.OTHER_EVENTS)
				.counter()
				.count()).isGreaterThan(99_000);
		});
	}

	@Test
	void countsEventsDroppedBecauseTheHandlersFellBehind() {
		this.contextRunner
			.withPropertyValues("socketio.client.inbound.max-pending-events=5", "socketio.client.inbound.overflow=drop")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				SocketIoClient client = context.getBean(SocketIoClient.class);
				CountDownLatch release = new CountDownLatch(1);
				client.on("many", (args, ack) -> release.await());
				client.connect();
				assertThat(client.emitWithAck("emit-many", 100).get(TIMEOUT, TimeUnit.SECONDS).get(0, Integer.class))
					.isEqualTo(100);
				release.countDown();
				assertThat(registry.get("socketio.client.events.dropped")
					.tags("client", "default", "namespace", "/", "reason", "overflow")
					.counter()
					.count()).isEqualTo(95);
			});
	}

	@Test
	void timesHandlersWithTheExceptionTheyThrew() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			SocketIoClient client = context.getBean(SocketIoClient.class);
			client.on("later", (args, ack) -> {
				if (args.get(0, Integer.class) == 1) {
					throw new IllegalStateException("handler failure for the test");
				}
			});
			// Observers are told in the order they were added: the meters' observer came first.
			CountDownLatch recorded = new CountDownLatch(2);
			client.observe(new SocketIoClientObserver() {

				@Override
				public void handled(String namespace, String event, long nanos, @Nullable Throwable error) {
					recorded.countDown();
				}

			});
			client.connect();
			client.emit("emit-later", 2, 0);
			assertThat(recorded.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
			assertThat(handlerTimer(registry, "none").count()).isEqualTo(1);
			assertThat(handlerTimer(registry, "IllegalStateException").count()).isEqualTo(1);
		});
	}

	@Test
	void countsDisconnectsByReasonAndBufferedEmits() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			SocketIoClient client = context.getBean(SocketIoClient.class);
			CompletableFuture<DisconnectReason> disconnected = new CompletableFuture<>();
			client.socket("/").onDisconnect(disconnected::complete);
			client.connect();
			// Known tag values start at 0, so that a rate sees the first increment.
			assertThat(counter(registry, "socketio.client.disconnects", "reason", "io server disconnect")).isZero();
			assertThat(counter(registry, "socketio.client.connects", "outcome", "failure")).isZero();
			assertThat(counter(registry, "socketio.client.events.dropped", "reason", "overflow")).isZero();
			client.emit("disconnect-me");
			assertThat(disconnected.get(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_SERVER_DISCONNECT);
			client.emit("echo", "waits");
			client.emit("echo", "waits too");
			assertThat(counter(registry, "socketio.client.disconnects", "reason", "io server disconnect")).isEqualTo(1);
			assertThat(gauge(registry, "socketio.client.connected")).isZero();
			assertThat(gauge(registry, "socketio.client.send.buffer")).isEqualTo(2);
		});
	}

	@Test
	void countsReconnectAttempts() {
		this.contextRunner.withPropertyValues("socketio.client.reconnection.enabled=true",
				"socketio.client.reconnection.delay=100ms", "socketio.client.reconnection.max-delay=100ms")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				SocketIoClient client = context.getBean(SocketIoClient.class);
				CountDownLatch reconnected = new CountDownLatch(1);
				client.onReconnect((attempts) -> reconnected.countDown());
				client.connect();
				client.emit("drop-transport", 0);
				assertThat(reconnected.await(TIMEOUT, TimeUnit.SECONDS)).isTrue();
				assertThat(registry.get("socketio.client.reconnect.attempts").counter().count()).isGreaterThanOrEqualTo(1);
				assertThat(counter(registry, "socketio.client.disconnects", "reason", "transport close")).isEqualTo(1);
				assertThat(counter(registry, "socketio.client.connects", "outcome", "success")).isEqualTo(2);
			});
	}

	@Test
	void countsEventNamesBeyondTheLimitAsOther() {
		this.contextRunner.withPropertyValues("socketio.metrics.max-event-tags=2").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			SocketIoClient client = context.getBean(SocketIoClient.class);
			client.connect();
			for (int i = 0; i < 5; i++) {
				client.emit("echo-" + i);
			}
			// Acknowledged after the five events before it were written.
			client.emitWithAck("echo").get(TIMEOUT, TimeUnit.SECONDS);
			// Seven names went by (welcome, echo-0..4, echo); the first two seen are tags.
			List<Counter> counters = new ArrayList<>(registry.find("socketio.client.events.sent").counters());
			counters.addAll(registry.find("socketio.client.events.received").counters());
			assertThat(counters.stream().map((counter) -> counter.getId().getTag("event")).filter((tag) -> !tag.equals("other")).distinct())
				.hasSize(2);
			assertThat(counters.stream().filter((counter) -> counter.getId().getTag("event").equals("other")))
				.isNotEmpty();
			assertThat(registry.find("socketio.client.events.sent").counters().stream().mapToDouble(Counter::count).sum())
				.isEqualTo(6);
		});
	}

	@Test
	void tagsEachClientWithItsName() {
		this.contextRunner.withPropertyValues("socketio.clients.billing.url=" + server.url()).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			SocketIoClient billing = context.getBean("billingSocketIoClient", SocketIoClient.class);
			billing.connect();
			assertThat(registry.get("socketio.client.connected").tag("client", "billing").gauge().value()).isEqualTo(1);
			assertThat(registry.find("socketio.client.connects").tag("client", "default").counter()).isNull();
		});
	}

	@Test
	void refusesANegativeEventTagLimit() {
		this.contextRunner.withPropertyValues("socketio.metrics.max-event-tags=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("socketio.metrics.max-event-tags must not be negative"));
	}

	private static double counter(MeterRegistry registry, String name, String tag, String value) {
		return registry.get(name).tags("client", "default", "namespace", "/", tag, value).counter().count();
	}

	private static double gauge(MeterRegistry registry, String name) {
		return registry.get(name).tags("client", "default", "namespace", "/").gauge().value();
	}

	private static Timer handlerTimer(MeterRegistry registry, String exception) {
		return registry.get("socketio.client.handler")
			.tags("client", "default", "namespace", "/", "event", "later", "exception", exception)
			.timer();
	}

}
