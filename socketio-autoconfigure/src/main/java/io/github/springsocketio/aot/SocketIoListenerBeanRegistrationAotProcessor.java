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

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Set;

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
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Registers, for each bean annotated {@link SocketIoListener} or {@link SocketIoAdvice}, what the
 * listener infrastructure reflects on at run time: the invocation of its handler methods
 * ({@code @OnEvent}, {@code @OnAnyEvent}, {@code @OnConnect}, {@code @OnDisconnect},
 * {@code @OnConnectError} and {@code @SocketIoExceptionHandler}; an advice's exception handlers
 * only), and Jackson binding for the types their event arguments are converted to and their
 * acknowledgements written from. Registered in {@code META-INF/spring/aot.factories}.
 *
 * @author springsocketio
 * @since 0.2.0
 */
final class SocketIoListenerBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	private static final List<Class<? extends Annotation>> HANDLERS = List.of(OnEvent.class, OnAnyEvent.class,
			OnConnect.class, OnDisconnect.class, OnConnectError.class, SocketIoExceptionHandler.class);

	/** The parameter types an invocation provides, rather than the event's arguments. */
	private static final Set<Class<?>> PROVIDED = Set.of(Ack.class, Arguments.class, SocketIoSocket.class,
			SocketIoClient.class, DisconnectReason.class, SocketIoConnectException.class);

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = registeredBean.getBeanClass();
		List<Class<? extends Annotation>> handlers;
		if (AnnotatedElementUtils.hasAnnotation(beanClass, SocketIoListener.class)) {
			handlers = HANDLERS;
		}
		else if (AnnotatedElementUtils.hasAnnotation(beanClass, SocketIoAdvice.class)) {
			handlers = List.of(SocketIoExceptionHandler.class);
		}
		else {
			return null;
		}
		MethodIntrospector.MetadataLookup<Boolean> lookup = (method) -> isHandler(method, handlers) ? Boolean.TRUE
				: null;
		Set<Method> methods = MethodIntrospector.selectMethods(beanClass, lookup).keySet();
		if (methods.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ReflectionHints hints = generationContext.getRuntimeHints().reflection();
			methods.forEach((method) -> registerHints(hints, method));
		};
	}

	private static boolean isHandler(Method method, List<Class<? extends Annotation>> handlers) {
		return handlers.stream().anyMatch((annotation) -> AnnotatedElementUtils.hasAnnotation(method, annotation));
	}

	private static void registerHints(ReflectionHints hints, Method method) {
		hints.registerMethod(method, ExecutableMode.INVOKE);
		for (Parameter parameter : method.getParameters()) {
			if (isEventArgument(parameter)) {
				PayloadTypes.register(hints, parameter.getParameterizedType());
			}
		}
		PayloadTypes.register(hints, PayloadTypes.result(method));
	}

	/**
	 * Whether the parameter receives an event argument, converted by Jackson, as the listener's
	 * {@code HandlerMethod} decides.
	 */
	private static boolean isEventArgument(Parameter parameter) {
		Class<?> type = parameter.getType();
		return !parameter.isAnnotationPresent(EventName.class) && !PROVIDED.contains(type)
				&& !Throwable.class.isAssignableFrom(type);
	}

}
