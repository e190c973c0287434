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
package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.springsocketio.client.AckTimeoutException;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.InboundEvent;
import io.github.springsocketio.client.InboundOverflow;
import io.github.springsocketio.client.OutboundEvent;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.client.SocketIoSocket;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The observations of a namespace's emits and handlings, against a fake connection: names, keys,
 * when they stop, and their parents.
 */
class NamespaceObservationTests {

	private static final long TIMEOUT = 5;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private FakeNamespaceHost host;

	@AfterEach
	void close() {
		this.host.close();
	}

	@Test
	void observesAnEmitAsAChildOfTheCallersObservation() throws Exception {
		SocketIoSocket socket = connected(2, List.of()).socket();
		Observation parent = Observation.start("caller", this.registry);
		try (Observation.Scope scope = parent.openScope()) {
			socket.emit("news", 1);
		}
		parent.stop();
		assertThat(this.registry).hasObservationWithNameEqualTo("socketio.client.emit")
			.that()
			.hasContextualNameEqualTo("emit news")
			.hasLowCardinalityKeyValue("client", "orders")
			.hasLowCardinalityKeyValue("namespace", "/")
			.hasLowCardinalityKeyValue("event", "news")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasParentObservationEqualTo(parent)
			.hasBeenStopped();
	}

	@Test
	void keepsAnAcknowledgedEmitOpenUntilItsAcknowledgement() throws Exception {
		Namespace namespace = connected(2, List.of());
		CompletableFuture<Arguments> reply = namespace.socket().emitWithAck("add", 1, 2);
		assertThat(this.registry).hasObservationWithNameEqualTo("socketio.client.emit").that().isNotStopped();
		this.host.receive(namespace, "30[3]");
		assertThat(reply.get(TIMEOUT, TimeUnit.SECONDS).get(0, Integer.class)).isEqualTo(3);
		await().atMost(Duration.ofSeconds(TIMEOUT))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("socketio.client.emit")
				.that()
				.hasLowCardinalityKeyValue("outcome", "ok")
				.doesNotHaveError()
				.hasBeenStopped());
	}

	@Test
	void endsATimedOutEmitWithItsFailure() throws Exception {
		SocketIoSocket socket = connected(2, List.of()).socket();
		CompletableFuture<Arguments> reply = socket.timeout(Duration.ofMillis(50)).emitWithAck("late");
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> reply.get(TIMEOUT, TimeUnit.SECONDS))
			.withCauseInstanceOf(AckTimeoutException.class);
		await().atMost(Duration.ofSeconds(TIMEOUT))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("socketio.client.emit")
				.that()
				.hasLowCardinalityKeyValue("outcome", "timeout")
				.hasError()
				.hasBeenStopped());
	}

	@Test
	void namesAVetoedEmit() throws Exception {
		SocketIoInterceptor veto = new SocketIoInterceptor() {

			@Override
			public OutboundEvent beforeSend(OutboundEvent event) {
				return null;
			}

		};
		SocketIoSocket socket = connected(2, List.of(veto)).socket();
		socket.emit("a");
		assertThat(socket.emitWithAck("b")).isCompletedExceptionally();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("socketio.client.emit", 2)
			.forAllObservationsWithNameEqualTo("socketio.client.emit",
					(observation) -> observation.hasLowCardinalityKeyValue("outcome", "vetoed").doesNotHaveError());
	}

	@Test
	void runsHandlersInsideTheHandleObservation() throws Exception {
		Namespace namespace = connected(2, List.of());
		AtomicReference<Observation> current = new AtomicReference<>();
		namespace.socket().on("news", (args, ack) -> current.set(this.registry.getCurrentObservation()));
		this.host.receive(namespace, "2[\"news\",1]");
		await().atMost(Duration.ofSeconds(TIMEOUT)).untilAsserted(() -> assertThat(current.get()).isNotNull());
		assertThat(this.registry).hasObservationWithNameEqualTo("socketio.client.handle")
			.that()
			.hasContextualNameEqualTo("handle news")
			.hasLowCardinalityKeyValue("event", "news")
			.hasLowCardinalityKeyValue("outcome", "ok")
			.hasBeenStopped();
		assertThat(current.get().getContext().getName()).isEqualTo("socketio.client.handle");
	}

	@Test
	void recordsTheFirstErrorOfTheHandlersAndTheDropsOfInterceptors() throws Exception {
		SocketIoInterceptor dropTyping = new SocketIoInterceptor() {

			@Override
			public InboundEvent beforeHandle(InboundEvent event) {
				return "typing".equals(event.event()) ? null : event;
			}

		};
		Namespace namespace = connected(2, List.of(dropTyping));
		namespace.socket().on("news", (args, ack) -> {
			throw new IllegalStateException("boom");
		});
		this.host.receive(namespace, "2[\"news\",1]");
		this.host.receive(namespace, "2[\"typing\"]");
		await().atMost(Duration.ofSeconds(TIMEOUT))
			.untilAsserted(() -> assertThat(this.registry)
				.hasNumberOfObservationsWithNameEqualTo("socketio.client.handle", 2));
		assertThat(this.registry).hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("event", "news")
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasError())
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("event", "typing")
				.hasLowCardinalityKeyValue("outcome", "dropped"));
	}

	@Test
	void capsTheEventKeyAsTheMetricsCapTheirTag() throws Exception {
		SocketIoSocket socket = connected(2, List.of()).socket();
		socket.emit("a");
		socket.emit("b");
		socket.emit("c");
		socket.emit("a");
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("socketio.client.emit", 4)
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("event", "other")
				.hasContextualNameEqualTo("emit other"));
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
			.extracting((context) -> context.getLowCardinalityKeyValue("event").getValue())
			.containsExactly("a", "b", "other", "a"));
	}

	private Namespace connected(int maxEventTags, List<SocketIoInterceptor> interceptors) throws Exception {
		EventObservations observations = new EventObservations("orders", this.registry, null, null, maxEventTags);
		this.host = new FakeNamespaceHost(new NamespaceOptions(Duration.ofSeconds(10), 0, 1000, 10_000,
				InboundOverflow.PAUSE, null, Map.of(), interceptors, observations));
		Namespace namespace = new Namespace(this.host, "/");
		CompletableFuture<Void> connected = namespace.socket().connectAsync();
		await().atMost(Duration.ofSeconds(TIMEOUT)).until(() -> this.host.sent.contains("0"));
		this.host.receive(namespace, "0{\"sid\":\"abc\"}");
		connected.get(TIMEOUT, TimeUnit.SECONDS);
		return namespace;
	}

}
