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

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import io.github.springsocketio.annotation.Emit;
import io.github.springsocketio.annotation.SocketIoEmitter;
import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.SocketIoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Signatures an emitter cannot serve fail when it is made, naming the method and the fix.
 */
class EmitterSignatureTests {

	private final SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:1").build();

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void acceptsWhatItCanServe() {
		assertThatNoException().isThrownBy(() -> SocketIoEmitters.create(Served.class, this.client));
	}

	@Test
	void refusesAMethodWithoutEmit() {
		assertInvalid(WithoutEmit.class, "run", "annotate it with @Emit");
	}

	@Test
	void refusesACheckedExceptionItNeverThrows() {
		assertInvalid(CheckedException.class, "send", "declares java.io.IOException, which an emit never throws");
	}

	@Test
	void refusesARawOrWildcardFuture() {
		assertInvalid(RawFuture.class, "send", "raw CompletableFuture");
		assertInvalid(WildcardFuture.class, "send", "has a wildcard");
	}

	@Test
	void refusesOtherFuturesAndTypeVariables() {
		assertInvalid(PlainFuture.class, "send", "Future is not supported: return CompletableFuture<T>");
		assertInvalid(GenericMethod.class, "send", "declares type variables");
		assertInvalid(GenericInterface.class, "send", "the type variable T");
	}

	@Test
	void refusesTimeoutsThatCannotApply() {
		assertInvalid(VoidWithTimeout.class, "send", "a void method waits for no acknowledgement");
		assertInvalid(BadTimeout.class, "send", "'soon' is not a duration");
		assertInvalid(ZeroTimeout.class, "send", "must be positive");
		assertInvalid(UnresolvedTimeout.class, "send", "Could not resolve placeholder 'emit.timeout'");
	}

	@Test
	void refusesReservedEventsAndParametersThatCannotBeSent() {
		assertInvalid(ReservedEvent.class, "send", "'disconnect' is a reserved event name");
		assertInvalid(AckParameter.class, "send", "a Ack parameter cannot be sent");
	}

	private void assertInvalid(Class<?> type, String method, String fix) {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> SocketIoEmitters.create(type, this.client))
			.withMessageContaining("Invalid Socket.IO emitter method " + type.getName() + "." + method + "(..)")
			.withMessageContaining(fix);
	}

	@SocketIoEmitter
	interface Served {

		@Emit
		void send(String text);

		@Emit
		String call(String text) throws InterruptedException;

		@Emit
		CompletableFuture<List<String>> future() throws IllegalStateException;

		static Served none() {
			return null;
		}

		@Override
		String toString();

	}

	@SocketIoEmitter
	interface WithoutEmit {

		void run();

	}

	@SocketIoEmitter
	interface CheckedException {

		@Emit
		void send() throws IOException;

	}

	@SocketIoEmitter
	interface RawFuture {

		@Emit
		@SuppressWarnings("rawtypes")
		CompletableFuture send();

	}

	@SocketIoEmitter
	interface WildcardFuture {

		@Emit
		CompletableFuture<?> send();

	}

	@SocketIoEmitter
	interface PlainFuture {

		@Emit
		Future<String> send();

	}

	@SocketIoEmitter
	interface GenericMethod {

		@Emit
		<T> T send();

	}

	@SocketIoEmitter
	interface GenericInterface<T> {

		@Emit
		T send();

	}

	@SocketIoEmitter
	interface VoidWithTimeout {

		@Emit(timeout = "5s")
		void send();

	}

	@SocketIoEmitter
	interface BadTimeout {

		@Emit(timeout = "soon")
		String send();

	}

	@SocketIoEmitter
	interface ZeroTimeout {

		@Emit(timeout = "0s")
		String send();

	}

	@SocketIoEmitter
	interface UnresolvedTimeout {

		@Emit(timeout = "${emit.timeout}")
		String send();

	}

	@SocketIoEmitter
	interface ReservedEvent {

		@Emit("disconnect")
		void send();

	}

	@SocketIoEmitter
	interface AckParameter {

		@Emit
		void send(Ack ack);

	}

}
