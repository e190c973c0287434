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
import java.util.concurrent.CompletionStage;

import io.github.springsocketio.annotation.Emit;
import io.github.springsocketio.annotation.SocketIoEmitter;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.emitter.SocketIoEmitterFactoryBean;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The hints of emitter beans: a JDK proxy of the interface, its methods, and Jackson binding for
 * what its {@code @Emit} methods send and what their acknowledgements hold.
 */
class SocketIoEmitterBeanRegistrationAotProcessorTests {

	private static final ReflectionHintsPredicates REFLECTION = RuntimeHintsPredicates.reflection();

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void registersAJdkProxyOfTheInterfaceAndItsMethods() {
		process(definition(OrderEmitter.class));
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(OrderEmitter.class)).accepts(this.hints);
		for (String method : List.of("place", "quote", "confirm", "raw", "placeAll")) {
			assertThat(REFLECTION.onMethodInvocation(OrderEmitter.class, method)).as(method).accepts(this.hints);
		}
	}

	@Test
	void registersBindingForWhatIsSentAndWhatTheAcknowledgementHolds() {
		process(definition(OrderEmitter.class));
		assertThat(REFLECTION.onType(Order.class).withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
			.accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Order.class, "customer")).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Customer.class, "name")).as("a record component's type")
			.accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Item.class, "sku")).accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Quote.class, "price")).as("List<Quote> in a CompletableFuture")
			.accepts(this.hints);
		assertThat(REFLECTION.onMethodInvocation(Receipt.class, "id")).as("a blocking emit's return type")
			.accepts(this.hints);
		assertThat(REFLECTION.onType(Arguments.class)).as("the raw acknowledgement").rejects(this.hints);
		assertThat(REFLECTION.onType(CompletableFuture.class)).rejects(this.hints);
	}

	@Test
	void findsTheInterfaceWithoutTheTypeArgument() {
		RootBeanDefinition definition = new RootBeanDefinition(SocketIoEmitterFactoryBean.class);
		definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, OrderEmitter.class);
		process(definition);
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(OrderEmitter.class)).accepts(this.hints);
	}

	@Test
	void findsTheInterfaceInTheConstructorArgument() {
		RootBeanDefinition definition = new RootBeanDefinition(SocketIoEmitterFactoryBean.class);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, OrderEmitter.class);
		process(definition);
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(OrderEmitter.class)).accepts(this.hints);
	}

	@Test
	void contributesNothingForOtherBeans() {
		this.beanFactory.registerBeanDefinition("other", new RootBeanDefinition(Order.class));
		RegisteredBean other = RegisteredBean.of(this.beanFactory, "other");
		assertThat(new SocketIoEmitterBeanRegistrationAotProcessor().processAheadOfTime(other)).isNull();
	}

	/** The definition as the emitters' registrar makes it. */
	private static RootBeanDefinition definition(Class<?> type) {
		RootBeanDefinition definition = new RootBeanDefinition(SocketIoEmitterFactoryBean.class);
		definition.setTargetType(ResolvableType.forClassWithGenerics(SocketIoEmitterFactoryBean.class, type));
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, type);
		definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, type);
		return definition;
	}

	private void process(RootBeanDefinition definition) {
		this.beanFactory.registerBeanDefinition("emitter", definition);
		BeanRegistrationAotContribution contribution = new SocketIoEmitterBeanRegistrationAotProcessor()
			.processAheadOfTime(RegisteredBean.of(this.beanFactory, "emitter"));
		assertThat(contribution).isNotNull();
		contribution.applyTo(new DefaultGenerationContext(new ClassNameGenerator(ClassName.get(getClass())),
				new InMemoryGeneratedFiles(), this.hints), mock(BeanRegistrationCode.class));
	}

	@SocketIoEmitter(namespace = "/orders")
	interface OrderEmitter {

		@Emit("place")
		void place(Order order);

		@Emit("quote")
		CompletableFuture<List<Quote>> quote(Item item);

		@Emit("confirm")
		Receipt confirm(String id);

		@Emit("raw")
		CompletionStage<Arguments> raw(String id);

		default void placeAll(List<Order> orders) {
			orders.forEach(this::place);
		}

	}

	record Order(String id, Customer customer) {
	}

	record Customer(String name) {
	}

	record Item(String sku, int quantity) {
	}

	record Quote(String sku, long price) {
	}

	record Receipt(String id) {
	}

}
