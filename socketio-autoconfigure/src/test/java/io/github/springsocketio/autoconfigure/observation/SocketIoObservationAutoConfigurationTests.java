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
package io.github.springsocketio.autoconfigure.observation;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.autoconfigure.SocketIoAutoConfiguration;
import io.github.springsocketio.autoconfigure.metrics.SocketIoMetricsAutoConfiguration;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.observation.DefaultSocketIoEmitObservationConvention;
import io.github.springsocketio.observation.SocketIoEmitContext;
import io.github.springsocketio.observation.SocketIoEmitObservationConvention;
import io.github.springsocketio.test.SocketIoServerExtension;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clients' observations as the auto-configuration sets them up, against the reference Node
 * server: off unless enabled, inherited by named clients, conventions from beans, Boot's switch,
 * and the timers counted once.
 */
class SocketIoObservationAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ObservationAutoConfiguration.class,
				SocketIoAutoConfiguration.class, SocketIoObservationAutoConfiguration.class))
		.withPropertyValues("socketio.client.url=" + server.url(), "socketio.client.fail-fast=true");

	@Test
	void observesNothingUnlessEnabled() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(SocketIoClient.class).call("add", Integer.class, 1, 2)).isEqualTo(3);
			assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
		});
	}

	@Test
	void observesEmitsAndHandlingsOfEveryClientThatInheritsTheSetting() {
		this.contextRunner
			.withPropertyValues("socketio.client.observation-enabled=true", "socketio.clients.billing.url=" + server.url())
			.run((context) -> {
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				SocketIoClient client = context.getBean(SocketIoClient.class);
				BlockingQueue<String> echoes = new ArrayBlockingQueue<>(1);
				client.on("echo", (args, ack) -> echoes.add(args.get(0, String.class)));
				assertThat(client.call("echo", String.class, "hi")).isEqualTo("hi");
				assertThat(echoes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hi");
				SocketIoClient billing = context.getBean("billingSocketIoClient", SocketIoClient.class);
				assertThat(billing.call("add", Integer.class, 1, 2)).isEqualTo(3);
				await().atMost(TIMEOUT).untilAsserted(() -> assertThat(registry)
					.hasAnObservation((observation) -> observation.hasNameEqualTo("socketio.client.emit")
						.hasLowCardinalityKeyValue("client", "default")
						.hasLowCardinalityKeyValue("event", "echo")
						.hasLowCardinalityKeyValue("outcome", "ok"))
					.hasAnObservation((observation) -> observation.hasNameEqualTo("socketio.client.handle")
						.hasLowCardinalityKeyValue("client", "default")
						.hasLowCardinalityKeyValue("event", "echo"))
					.hasAnObservation((observation) -> observation.hasNameEqualTo("socketio.client.emit")
						.hasLowCardinalityKeyValue("client", "billing")
						.hasLowCardinalityKeyValue("event", "add")));
			});
	}

	@Test
	void usesTheConventionBeans() {
		this.contextRunner.withPropertyValues("socketio.client.observation-enabled=true")
			.withBean(SocketIoEmitObservationConvention.class, TeamConvention::new)
			.run((context) -> {
				context.getBean(SocketIoClient.class).call("add", Integer.class, 1, 2);
				assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("socketio.client.emit")
					.that()
					.hasLowCardinalityKeyValue("team", "orders");
			});
	}

	@Test
	void isSwitchedOffByBootsObservationProperty() {
		this.contextRunner
			.withPropertyValues("socketio.client.observation-enabled=true", "management.observations.enable.socketio=false")
			.run((context) -> {
				assertThat(context.getBean(SocketIoClient.class).call("add", Integer.class, 1, 2)).isEqualTo(3);
				assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
			});
	}

	@Test
	void leavesTheTimersToTheClientsMeters() {
		new ApplicationContextRunner().withBean(SimpleMeterRegistry.class)
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MetricsAutoConfiguration.class,
					ObservationAutoConfiguration.class, SocketIoAutoConfiguration.class,
					SocketIoMetricsAutoConfiguration.class, SocketIoObservationAutoConfiguration.class))
			.withPropertyValues("management.metrics.use-global-registry=false", "socketio.client.url=" + server.url(),
					"socketio.client.fail-fast=true", "socketio.client.observation-enabled=true")
			.run((context) -> {
				SocketIoClient client = context.getBean(SocketIoClient.class);
				client.on("echo", (args, ack) -> {
				});
				assertThat(client.call("echo", String.class, "hi")).isEqualTo("hi");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(TIMEOUT).untilAsserted(() -> {
					assertThat(meters.find("socketio.client.ack").timer()).isNotNull();
					assertThat(meters.find("socketio.client.handler").timer()).isNotNull();
				});
				assertThat(meters.find("socketio.client.emit").meters()).isEmpty();
				assertThat(meters.find("socketio.client.handle").meters()).isEmpty();
				assertThat(meters.find("socketio.client.emit.active").meters()).isEmpty();
			});
	}

	static class TeamConvention extends DefaultSocketIoEmitObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(SocketIoEmitContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", "orders");
		}

	}

}
