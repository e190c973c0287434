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
package io.github.springsocketio.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.function.Function;

import io.github.springsocketio.annotation.OnAnyEvent;
import io.github.springsocketio.annotation.OnConnect;
import io.github.springsocketio.annotation.OnConnectError;
import io.github.springsocketio.annotation.OnDisconnect;
import io.github.springsocketio.annotation.OnEvent;
import io.github.springsocketio.annotation.SocketIoAdvice;
import io.github.springsocketio.annotation.SocketIoListener;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoSocket;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the beans annotated {@link SocketIoListener} and, once every singleton exists, registers
 * their handler methods on the client they name. Methods are invoked on the bean as the context
 * holds it, so that AOP proxies apply.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class SocketIoListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

	private final Function<String, SocketIoClient> clients;

	private final List<Listener> listeners = new ArrayList<>();

	private final List<ExceptionHandlers> advice = new ArrayList<>();

	private @Nullable ConfigurableBeanFactory beanFactory;

	private boolean registered;

	/**
	 * Creates the post-processor.
	 * @param clients finds a client by name ({@code default} for the primary client)
	 */
	public SocketIoListenerAnnotationBeanPostProcessor(Function<String, SocketIoClient> clients) {
		this.clients = clients;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableBeanFactory configurable) {
			this.beanFactory = configurable;
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		SocketIoListener annotation = AnnotatedElementUtils.findMergedAnnotation(targetClass, SocketIoListener.class);
		if (annotation != null) {
			synchronized (this.listeners) {
				this.listeners.add(new Listener(bean, targetClass, resolve(annotation.namespace()), resolve(annotation.client()),
						new ExceptionHandlers(bean, targetClass)));
			}
		}
		if (AnnotatedElementUtils.hasAnnotation(targetClass, SocketIoAdvice.class)) {
			synchronized (this.listeners) {
				this.advice.add(new ExceptionHandlers(bean, targetClass));
			}
		}
		return bean;
	}

	/**
	 * The namespaces that the listeners of a client name.
	 * @param client the client's name
	 * @return the namespaces
	 */
	public List<String> namespacesOf(String client) {
		synchronized (this.listeners) {
			return this.listeners.stream().filter((listener) -> listener.client.equals(client))
				.map((listener) -> listener.namespace).distinct().toList();
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		synchronized (this.listeners) {
			if (this.registered) {
				return;
			}
			this.registered = true;
			for (Listener listener : this.listeners) {
				register(listener);
			}
		}
	}

	private void register(Listener listener) {
		SocketIoClient client = this.clients.apply(listener.client);
		SocketIoSocket socket = client.socket(listener.namespace);
		Map<Method, Boolean> methods = MethodIntrospector.selectMethods(listener.targetClass,
				(MethodIntrospector.MetadataLookup<Boolean>) (method) -> isHandler(method) ? Boolean.TRUE : null);
		for (Method method : methods.keySet()) {
			HandlerMethod handler = handler(listener, method);
			boolean takesEvents = AnnotatedElementUtils.hasAnnotation(method, OnEvent.class)
					|| method.isAnnotationPresent(OnAnyEvent.class);
			if (!takesEvents && handler.eventArguments() > 0) {
				throw new IllegalStateException("Invalid Socket.IO handler method " + listener.targetClass.getName() + "."
						+ method.getName() + ": a connect, disconnect or connect-error handler may only take "
						+ "SocketIoSocket, SocketIoClient, DisconnectReason or SocketIoConnectException parameters");
			}
			OnEvent onEvent = AnnotatedElementUtils.findMergedAnnotation(method, OnEvent.class);
			if (onEvent != null) {
				String event = StringUtils.hasText(onEvent.value()) ? resolve(onEvent.value()) : method.getName();
				socket.on(event, (args, ack) -> guarded(listener, handler,
						new HandlerMethod.Invocation(client, socket, event, args, ack, null, null, null)));
			}
			if (method.isAnnotationPresent(OnAnyEvent.class)) {
				socket.onAny((event, args, ack) -> guarded(listener, handler,
						new HandlerMethod.Invocation(client, socket, event, args, ack, null, null, null)));
			}
			if (method.isAnnotationPresent(OnConnect.class)) {
				socket.onConnect(() -> invoke(listener, handler,
						new HandlerMethod.Invocation(client, socket, "connect", null, null, null, null, null)));
			}
			if (method.isAnnotationPresent(OnDisconnect.class)) {
				socket.onDisconnect((reason) -> invoke(listener, handler,
						new HandlerMethod.Invocation(client, socket, "disconnect", null, null, reason, null, null)));
			}
			if (method.isAnnotationPresent(OnConnectError.class)) {
				socket.onConnectError((failure) -> invoke(listener, handler,
						new HandlerMethod.Invocation(client, socket, "connect_error", null, null, null, failure, null)));
			}
		}
	}

	private static boolean isHandler(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, OnEvent.class) || method.isAnnotationPresent(OnAnyEvent.class)
				|| method.isAnnotationPresent(OnConnect.class) || method.isAnnotationPresent(OnDisconnect.class)
				|| method.isAnnotationPresent(OnConnectError.class);
	}

	private static HandlerMethod handler(Listener listener, Method method) {
		try {
			return new HandlerMethod(listener.bean, AopUtils.selectInvocableMethod(method, listener.bean.getClass()));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Invalid Socket.IO handler method " + listener.targetClass.getName() + "."
					+ method.getName() + ": " + ex.getMessage(), ex);
		}
	}

	private void invoke(Listener listener, HandlerMethod handler, HandlerMethod.Invocation invocation) {
		try {
			guarded(listener, handler, invocation);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Handler " + handler + " failed", ex);
		}
	}

	/**
	 * Invokes a handler; what it throws goes to the most specific exception handler, the
	 * listener's own before the advice's, and is thrown on when none takes it (the client then
	 * logs it with the event and the namespace, and the connection stays up).
	 */
	private void guarded(Listener listener, HandlerMethod handler, HandlerMethod.Invocation invocation) throws Exception {
		try {
			handler.invoke(invocation);
		}
		catch (Exception ex) {
			HandlerMethod exceptionHandler = listener.exceptionHandlers.find(ex);
			if (exceptionHandler == null) {
				synchronized (this.listeners) {
					for (ExceptionHandlers advice : this.advice) {
						exceptionHandler = advice.find(ex);
						if (exceptionHandler != null) {
							break;
						}
					}
				}
			}
			if (exceptionHandler == null) {
				throw ex;
			}
			exceptionHandler.invoke(invocation.withError(ex));
		}
	}

	private String resolve(String value) {
		String resolved = (this.beanFactory != null) ? this.beanFactory.resolveEmbeddedValue(value) : value;
		return (resolved != null) ? resolved : value;
	}

	private record Listener(Object bean, Class<?> targetClass, String namespace, String client,
			ExceptionHandlers exceptionHandlers) {

	}


}
