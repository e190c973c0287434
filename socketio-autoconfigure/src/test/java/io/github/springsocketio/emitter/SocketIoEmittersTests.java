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
package io.github.springsocketio.emitter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.annotation.Emit;
import io.github.springsocketio.annotation.SocketIoEmitter;
import io.github.springsocketio.client.AckTimeoutException;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.OutboundEvent;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Emitters made without Boot, against the reference Node server: each return type, binary
 * arguments, timeouts, placeholders, default and {@code Object} methods.
 */
class SocketIoEmittersTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	private final BlockingQueue<String> sent = new ArrayBlockingQueue<>(100);

	private SocketIoClient client;

	@BeforeEach
	void connect() {
		this.client = SocketIoClient.builder(server.url()).namespaces("/", "/chat").interceptor(new SocketIoInterceptor() {

			@Override
			public OutboundEvent beforeSend(OutboundEvent event) {
				SocketIoEmittersTests.this.sent.add(event.namespace() + " " + event.event());
				return event;
			}

		}).build();
		this.client.connect();
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void emitsWithoutAnAcknowledgementForVoid() throws InterruptedException {
		BlockingQueue<Arguments> echoes = new ArrayBlockingQueue<>(1);
		this.client.socket("/chat").on("echo", (args, ack) -> echoes.add(args));
		Chat chat = SocketIoEmitters.create(Chat.class, this.client);
		chat.echo(new Item("tea", 2), "note");
		Arguments echo = echoes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(echo).isNotNull();
		assertThat(echo.get(0, Item.class)).isEqualTo(new Item("tea", 2));
		assertThat(echo.get(1, String.class)).isEqualTo("note");
		assertThat(this.sent).contains("/chat echo");
	}

	@Test
	void completesFuturesWithTheFirstAcknowledgementArgumentConvertedWithItsGenerics() {
		Calculator calculator = SocketIoEmitters.create(Calculator.class, this.client);
		assertThat(calculator.add(1, 2)).succeedsWithin(TIMEOUT).isEqualTo(3);
		assertThat(calculator.echoItems(List.of(new Item("a", 1), new Item("b", 2))).toCompletableFuture())
			.succeedsWithin(TIMEOUT)
			.isEqualTo(List.of(new Item("a", 1), new Item("b", 2)));
		assertThat(calculator.several()).succeedsWithin(TIMEOUT)
			.satisfies((arguments) -> assertThat(arguments.toList()).hasSize(5).startsWith("a", 1));
		assertThat(calculator.noValue("x")).succeedsWithin(TIMEOUT).isNull();
	}

	@Test
	void blocksForOtherReturnTypes() {
		Calculator calculator = SocketIoEmitters.create(Calculator.class, this.client);
		assertThat(calculator.sum(40, 2)).isEqualTo(42);
		assertThat(calculator.echoMap(Map.of("k", List.of(1, 2)))).isEqualTo(Map.of("k", List.of(1, 2)));
		assertThat(calculator.allOf("x", 1).toList()).containsExactly("x", 1);
	}

	@Test
	void sendsByteArraysAsBinary() {
		Calculator calculator = SocketIoEmitters.create(Calculator.class, this.client);
		assertThat(calculator.size(new byte[] { 1, 2, 3, 4, 5 })).isEqualTo(5);
		assertThat(calculator.echoBytes(new byte[] { 9, 8 })).isEqualTo(new byte[] { 9, 8 });
	}

	@Test
	void appliesEachMethodsTimeoutWithPlaceholdersResolved() {
		Calculator calculator = SocketIoEmitters.create(Calculator.class, this.client,
				(value) -> value.replace("${calculator.timeout:300ms}", "250ms"));
		assertThat(calculator.neverAcknowledged()).failsWithin(TIMEOUT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(AckTimeoutException.class)
			.withMessageContaining("250 ms");
		assertThatExceptionOfType(AckTimeoutException.class).isThrownBy(calculator::neverAcknowledgedBlocking)
			.withMessageContaining("200 ms");
	}

	@Test
	void resolvesPlaceholdersFromTheEnvironmentWithoutBoot() {
		Calculator calculator = SocketIoEmitters.create(Calculator.class, this.client);
		assertThat(calculator.neverAcknowledged()).failsWithin(TIMEOUT)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(AckTimeoutException.class)
			.withMessageContaining("300 ms");
	}

	@Test
	void runsDefaultMethodsAndAnswersObjectMethodsByIdentity() {
		Calculator calculator = SocketIoEmitters.create(Calculator.class, this.client);
		Calculator other = SocketIoEmitters.create(Calculator.class, this.client);
		assertThat(calculator.double21()).isEqualTo(42);
		assertThat(calculator).isEqualTo(calculator).isNotEqualTo(other).hasSameHashCodeAs(calculator);
		assertThat(calculator.hashCode()).isEqualTo(System.identityHashCode(calculator));
		assertThat(calculator).hasToString("Socket.IO emitter " + Calculator.class.getName() + " (namespace '/')");
	}

	@Test
	void refusesAClass() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> SocketIoEmitters.create(Item.class, this.client))
			.withMessageContaining("must be an interface");
	}

	record Item(String name, int count) {

	}

	@SocketIoEmitter(namespace = "chat")
	interface Chat {

		@Emit
		void echo(Item item, String note);

	}

	@SocketIoEmitter
	interface Calculator {

		@Emit
		CompletableFuture<Integer> add(int a, int b);

		@Emit("echo")
		CompletionStage<List<Item>> echoItems(List<Item> items);

		@Emit("ack-several")
		CompletableFuture<Arguments> several();

		@Emit("echo")
		CompletableFuture<Void> noValue(String value);

		@Emit("add")
		int sum(int a, int b);

		@Emit("echo")
		Map<String, List<Integer>> echoMap(Map<String, List<Integer>> map);

		@Emit("echo")
		Arguments allOf(String text, int number);

		@Emit
		int size(byte[] payload);

		@Emit("echo")
		byte[] echoBytes(byte[] payload);

		@Emit(value = "no-ack", timeout = "${calculator.timeout:300ms}")
		CompletableFuture<String> neverAcknowledged();

		@Emit(value = "no-ack", timeout = "200ms")
		String neverAcknowledgedBlocking();

		default int double21() {
			return sum(20, 1) * 2;
		}

	}

}
