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
package io.github.springsocketio.aot;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.annotation.EventName;
import io.github.springsocketio.annotation.OnAnyEvent;
import io.github.springsocketio.annotation.OnConnect;
import io.github.springsocketio.annotation.OnConnectError;
import io.github.springsocketio.annotation.OnDisconnect;
import io.github.springsocketio.annotation.OnEvent;
import io.github.springsocketio.annotation.SocketIoAdvice;
import io.github.springsocketio.annotation.SocketIoExceptionHandler;
import io.github.springsocketio.annotation.SocketIoListener;
import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.SocketIoSocket;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The hints of listener and advice beans: every handler method invocable, and Jackson binding
 * for what their event arguments become and their acknowledgements hold, but not for what the
 * invocation provides.
 */
class SocketIoListenerBeanRegistrationAotProcessorTests {

	private static final ReflectionHintsPredicates REFLECTION = RuntimeHintsPredicates.reflection();

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void registersTheInvocationOfEveryHandlerMethodOfAListener() {
		process(OrderListener.class);
		for (String method : List.of("placed", "batch", "any", "connected", "disconnected", "failed", "failedOrder")) {
			assertThat(REFLECTION.onMethodInvocation(OrderListener.class, method)).as(method).accepts(this.hints);
		}
		assertThat(REFLECTION.onMethodInvocation(OrderListener.class, "helper")).rejects(this.hints);
	}

	@Test
	void registersBindingForEventArgumentsAndAcknowledgements() {
		process(OrderListener.class);
		assertThat(REFLECTION.onType(Order.class).withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
			.accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Order.class, "id")).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Customer.class, "name")).as("a record component's type")
			.accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Item.class, "sku")).as("the element type of List<Item>")
			.accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Receipt.class, "id")).as("what the CompletableFuture holds")
			.accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Answer.class, "text")).as("an exception handler's acknowledgement")
			.accepts(this.hints);
		assertThat(REFLECTION.onType(Unrelated.class)).as("a method that handles nothing").rejects(this.hints);
	}

	@Test
	void registersNoBindingForWhatTheInvocationProvides() {
		process(OrderListener.class);
		for (Class<?> type : List.of(Ack.class, Arguments.class, SocketIoSocket.class, SocketIoClient.class,
				DisconnectReason.class, SocketIoConnectException.class, IllegalStateException.class,
				CompletableFuture.class)) {
			assertThat(REFLECTION.onType(type)).as(type.getName()).rejects(this.hints);
		}
	}

	@Test
	void registersTheExceptionHandlersOfAnAdvice() {
		process(Advice.class);
		assertThat(REFLECTION.onMethodInvocation(Advice.class, "handle")).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Answer.class, "text")).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Advice.class, "notAHandler")).as("an advice takes no events")
			.rejects(this.hints);
		assertThat(REFLECTION.onType(Unrelated.class)).rejects(this.hints);
	}

	@Test
	void contributesNothingForOtherBeans() {
		assertThat(contribution(NotAListener.class)).isNull();
		assertThat(contribution(EmptyListener.class)).isNull();
	}

	private void process(Class<?> beanClass) {
		BeanRegistrationAotContribution contribution = contribution(beanClass);
		assertThat(contribution).isNotNull();
		contribution.applyTo(new DefaultGenerationContext(new ClassNameGenerator(ClassName.get(getClass())),
				new InMemoryGeneratedFiles(), this.hints), mock(BeanRegistrationCode.class));
	}

	private BeanRegistrationAotContribution contribution(Class<?> beanClass) {
		this.beanFactory.registerBeanDefinition(beanClass.getSimpleName(), new RootBeanDefinition(beanClass));
		RegisteredBean bean = RegisteredBean.of(this.beanFactory, beanClass.getSimpleName());
		return new SocketIoListenerBeanRegistrationAotProcessor().processAheadOfTime(bean);
	}

	@SocketIoListener
	static class OrderListener {

		@OnEvent("placed")
		void placed(Order order, Ack ack, @EventName String event) {
		}

		@OnEvent("batch")
		CompletableFuture<Receipt> batch(List<Item> items, SocketIoSocket socket) {
			return CompletableFuture.completedFuture(new Receipt("r1"));
		}

		@OnAnyEvent
		void any(@EventName String event, Arguments arguments) {
		}

		@OnConnect
		void connected(SocketIoClient client) {
		}

		@OnDisconnect
		void disconnected(DisconnectReason reason) {
		}

		@OnConnectError
		void failed(SocketIoConnectException failure) {
		}

		@SocketIoExceptionHandler
		Answer failedOrder(IllegalStateException ex, Order order) {
			return new Answer(ex.getMessage());
		}

		void helper(Unrelated unrelated) {
		}

	}

	@SocketIoAdvice
	static class Advice {

		@SocketIoExceptionHandler(IllegalArgumentException.class)
		Answer handle(Exception ex) {
			return new Answer(ex.getMessage());
		}

		@OnEvent("ignored")
		void notAHandler(Unrelated unrelated) {
		}

	}

	static class NotAListener {

		@OnEvent("unheard")
		void unheard(Unrelated unrelated) {
		}

	}

	@SocketIoListener
	static class EmptyListener {

		void helper(Unrelated unrelated) {
		}

	}

	record Order(String id, Customer customer) {
	}

	record Customer(String name) {
	}

	record Item(String sku, int quantity) {
	}

	record Receipt(String id) {
	}

	record Answer(String text) {
	}

	record Unrelated(String value) {
	}

}
