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
package io.github.springsocketio.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springsocketio.autoconfigure.metrics.SocketIoMetricsAutoConfiguration;
import io.github.springsocketio.autoconfigure.observation.SocketIoObservationAutoConfiguration;
import io.github.springsocketio.client.OutboundEvent;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.emitter.app.InvoiceArchive;
import io.github.springsocketio.emitter.app.Invoices;
import io.github.springsocketio.emitter.app.OrderService;
import io.github.springsocketio.emitter.app.Orders;
import io.github.springsocketio.emitter.badapp.BadOrders;
import io.github.springsocketio.emitter.unknownclient.Lost;
import io.github.springsocketio.test.SocketIoServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @SocketIoEmitter} interfaces in the application's packages become beans, against the
 * reference Node server: injected into a service, on a named client, seen by interceptors,
 * metrics and observations, and startup failures for what cannot be served.
 */
class SocketIoEmittersAutoConfigurationTests {

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withBean(SimpleMeterRegistry.class)
		.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MetricsAutoConfiguration.class,
				ObservationAutoConfiguration.class, SocketIoAutoConfiguration.class,
				SocketIoMetricsAutoConfiguration.class, SocketIoObservationAutoConfiguration.class))
		.withPropertyValues("management.metrics.use-global-registry=false", "socketio.client.url=" + server.url(),
				"socketio.client.observation-enabled=true",
				"socketio.client.fail-fast=true", "socketio.clients.billing.url=" + server.url());

	@Test
	void injectsEmittersIntoServicesAndJoinsTheirNamespaces() {
		this.contextRunner.withUserConfiguration(Application.class, RecordingInterceptor.class).run((context) -> {
			assertThat(context).hasSingleBean(Orders.class).hasBean("orders");
			OrderService service = context.getBean(OrderService.class);
			assertThat(service.add(2, 3)).isEqualTo(5);
			assertThat(service.echo("hello")).isEqualTo("hello");
			context.getBean(Orders.class).count();
			assertThat(context.getBean(SocketIoClient.class).socket("/chat").isConnected()).isTrue();
			assertThat(context.getBean(RecordingInterceptor.class).sent).startsWith("/chat add", "/chat echo");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().untilAsserted(() -> assertThat(registry.get("socketio.client.events.sent")
				.tags("client", "default", "namespace", "/chat", "event", "count")
				.counter()
				.count()).isEqualTo(1));
			assertThat(context.getBean(TestObservationRegistry.class))
				.hasAnObservation((observation) -> observation.hasNameEqualTo("socketio.client.emit")
					.hasLowCardinalityKeyValue("namespace", "/chat")
					.hasLowCardinalityKeyValue("event", "add")
					.hasLowCardinalityKeyValue("outcome", "ok"));
		});
	}

	@Test
	void sendsWithTheClientTheEmitterNames() {
		this.contextRunner.withUserConfiguration(Application.class).run((context) -> {
			assertThat(context.getBean(Invoices.class).total(40, 2)).isEqualTo(42);
			// Another bean has the name "invoices": the emitter is named by its class instead.
			assertThat(context.getBean("invoices")).isInstanceOf(InvoiceArchive.class);
			assertThat(context.getBean(Invoices.class.getName())).isInstanceOf(Invoices.class);
			SocketIoClient billing = context.getBean("billingSocketIoClient", SocketIoClient.class);
			assertThat(billing.isConnected()).isTrue();
		});
	}

	@Test
	void resolvesPlaceholdersFromTheEnvironment() {
		this.contextRunner.withUserConfiguration(Application.class)
			.withPropertyValues("orders.namespace=/auth", "socketio.client.auth.token=secret-token")
			.run((context) -> {
				assertThat(context.getBean(OrderService.class).add(1, 1)).isEqualTo(2);
				assertThat(context.getBean(SocketIoClient.class).socket("/auth").isConnected()).isTrue();
			});
	}

	@Test
	void failsStartupOnASignatureItCannotServe() {
		this.contextRunner.withUserConfiguration(BadApplication.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Invalid Socket.IO emitter method " + BadOrders.class.getName() + ".place(..)")
				.hasStackTraceContaining("declares java.io.IOException, which an emit never throws: remove it"));
	}

	@Test
	void failsStartupOnAnUnknownClient() {
		this.contextRunner.withUserConfiguration(UnknownClientApplication.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("The Socket.IO emitter " + Lost.class.getName())
				.hasStackTraceContaining("names the client 'nope', which does not exist: configure socketio.clients.nope.url"));
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = Orders.class)
	@ComponentScan(basePackageClasses = Orders.class)
	static class Application {

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = BadOrders.class)
	static class BadApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = Lost.class)
	static class UnknownClientApplication {

	}

	static class RecordingInterceptor implements SocketIoInterceptor {

		final List<String> sent = new CopyOnWriteArrayList<>();

		@Override
		public OutboundEvent beforeSend(OutboundEvent event) {
			this.sent.add(event.namespace() + " " + event.event());
			return event;
		}

	}

}
