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

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import io.github.springsocketio.annotation.Emit;
import io.github.springsocketio.annotation.SocketIoEmitter;
import io.github.springsocketio.emitter.SocketIoEmitterFactoryBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

/**
 * Registers, for each {@link SocketIoEmitterFactoryBean} bean, what its emitter needs at run
 * time: a JDK proxy of its {@link SocketIoEmitter} interface, the interface's methods (read when
 * the emitter is made, and invoked when they are default methods), and Jackson binding for the
 * types its {@link Emit} methods send and, unwrapped from a future, receive as acknowledgement.
 * The interface is the factory bean's type argument, as the emitters' registrar declares it
 * (else the definition's {@link FactoryBean#OBJECT_TYPE_ATTRIBUTE} or its constructor argument).
 * Registered in {@code META-INF/spring/aot.factories}.
 *
 * @author springsocketio
 * @since 0.2.0
 */
final class SocketIoEmitterBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	private static final Log logger = LogFactory.getLog(SocketIoEmitterBeanRegistrationAotProcessor.class);

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		if (!SocketIoEmitterFactoryBean.class.isAssignableFrom(registeredBean.getBeanClass())) {
			return null;
		}
		Class<?> type = emitterType(registeredBean);
		if (type == null || !type.isInterface()) {
			logger.warn("The interface of the Socket.IO emitter bean '" + registeredBean.getBeanName()
					+ "' is unknown ahead of time: declare it as the type argument of its SocketIoEmitterFactoryBean, "
					+ "or register a JDK proxy hint for it");
			return null;
		}
		return (generationContext, code) -> registerHints(generationContext.getRuntimeHints(), type);
	}

	private static @Nullable Class<?> emitterType(RegisteredBean registeredBean) {
		Class<?> type = registeredBean.getBeanType().as(SocketIoEmitterFactoryBean.class).getGeneric(0).resolve();
		if (type != null) {
			return type;
		}
		RootBeanDefinition definition = registeredBean.getMergedBeanDefinition();
		Object objectType = definition.getAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE);
		if (objectType instanceof Class<?> attribute) {
			return attribute;
		}
		if (objectType instanceof ResolvableType attribute) {
			return attribute.resolve();
		}
		ValueHolder argument = definition.getConstructorArgumentValues().getArgumentValue(0, Class.class);
		return (argument != null && argument.getValue() instanceof Class<?> value) ? value : null;
	}

	private static void registerHints(RuntimeHints hints, Class<?> type) {
		hints.proxies().registerJdkProxy(type);
		ReflectionHints reflection = hints.reflection();
		reflection.registerType(type);
		for (Method method : type.getMethods()) {
			if (Modifier.isStatic(method.getModifiers())) {
				continue;
			}
			reflection.registerMethod(method, ExecutableMode.INVOKE);
			if (method.isAnnotationPresent(Emit.class)) {
				PayloadTypes.register(reflection, method.getGenericParameterTypes());
				PayloadTypes.register(reflection, PayloadTypes.result(method));
			}
		}
	}

}
