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

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.concurrent.CompletionStage;

import io.github.springsocketio.annotation.EventName;
import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.SocketIoSocket;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ReflectionUtils;
import tools.jackson.core.type.TypeReference;

/**
 * One handler method of a listener bean, with its parameters resolved once at startup: each is
 * either something the invocation provides (ack, arguments, socket, client, event name, disconnect
 * reason, connect failure) or the next event argument, converted by Jackson to its generic type.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class HandlerMethod {

	private final Object bean;

	private final Method method;

	private final ParameterSource[] sources;

	private final int eventArguments;

	/**
	 * Creates a handler method.
	 * @param bean the bean (possibly a proxy) to invoke on
	 * @param method the method, invocable on the bean
	 */
	public HandlerMethod(Object bean, Method method) {
		this.bean = bean;
		this.method = method;
		ReflectionUtils.makeAccessible(method);
		Parameter[] parameters = method.getParameters();
		this.sources = new ParameterSource[parameters.length];
		int argument = 0;
		for (int i = 0; i < parameters.length; i++) {
			ParameterSource source = ParameterSource.of(parameters[i]);
			if (source == null) {
				source = new EventArgument(argument++, parameters[i].getParameterizedType());
			}
			this.sources[i] = source;
		}
		this.eventArguments = argument;
	}

	/**
	 * How many parameters receive event arguments.
	 * @return the count
	 */
	public int eventArguments() {
		return this.eventArguments;
	}

	/**
	 * Invokes the method for an event and sends its return value as the acknowledgement when the
	 * server asked for one.
	 * @param invocation what the invocation provides
	 * @throws Exception what the method threw, or a conversion failure
	 */
	public void invoke(Invocation invocation) throws Exception {
		Object[] values = new Object[this.sources.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.sources[i].resolve(invocation);
		}
		Object result;
		try {
			result = this.method.invoke(this.bean, values);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		Ack ack = invocation.ack();
		if (result == null || ack == null || !ack.requested()) {
			return;
		}
		if (result instanceof CompletionStage<?> stage) {
			stage.thenAccept((value) -> {
				if (value != null) {
					ack.send(value);
				}
			});
		}
		else {
			ack.send(result);
		}
	}

	@Override
	public String toString() {
		return this.method.getDeclaringClass().getName() + "." + this.method.getName();
	}

	/**
	 * What one invocation provides to the parameters.
	 *
	 * @param client the client
	 * @param socket the namespace
	 * @param event the event's name, or {@code null}
	 * @param arguments the event's arguments, or {@code null}
	 * @param ack the acknowledgement, or {@code null}
	 * @param reason the disconnect reason, or {@code null}
	 * @param failure the connect failure, or {@code null}
	 * @param error what a handler threw, for exception handlers, or {@code null}
	 */
	public record Invocation(SocketIoClient client, SocketIoSocket socket, @Nullable String event,
			@Nullable Arguments arguments, @Nullable Ack ack, @Nullable DisconnectReason reason,
			@Nullable SocketIoConnectException failure, @Nullable Throwable error) {

		/**
		 * The same invocation, for an exception handler.
		 * @param error what the handler threw
		 * @return the invocation
		 */
		public Invocation withError(Throwable error) {
			return new Invocation(this.client, this.socket, this.event, this.arguments, this.ack, this.reason, this.failure,
					error);
		}

	}

	@FunctionalInterface
	private interface ParameterSource {

		@Nullable Object resolve(Invocation invocation);

		static @Nullable ParameterSource of(Parameter parameter) {
			Class<?> type = parameter.getType();
			if (parameter.isAnnotationPresent(EventName.class)) {
				if (type != String.class) {
					throw new IllegalStateException("@EventName parameter '" + parameter.getName() + "' must be a String");
				}
				return Invocation::event;
			}
			if (type == Ack.class) {
				return (invocation) -> (invocation.ack() != null) ? invocation.ack() : Ack.NONE;
			}
			if (type == Arguments.class) {
				return Invocation::arguments;
			}
			if (type == SocketIoSocket.class) {
				return Invocation::socket;
			}
			if (type == SocketIoClient.class) {
				return Invocation::client;
			}
			if (type == DisconnectReason.class) {
				return Invocation::reason;
			}
			if (type == SocketIoConnectException.class) {
				return Invocation::failure;
			}
			if (Throwable.class.isAssignableFrom(type)) {
				return (invocation) -> type.isInstance(invocation.error()) ? invocation.error() : null;
			}
			return null;
		}

	}

	private static final class EventArgument implements ParameterSource {

		private final int index;

		private final TypeReference<Object> type;

		private final @Nullable Object missing;

		EventArgument(int index, Type type) {
			this.index = index;
			// A missing argument is null, or zero for a primitive.
			this.missing = (type instanceof Class<?> primitive && primitive.isPrimitive())
					? Array.get(Array.newInstance(primitive, 1), 0) : null;
			this.type = new TypeReference<>() {

				@Override
				public Type getType() {
					return type;
				}

			};
		}

		@Override
		public @Nullable Object resolve(Invocation invocation) {
			Arguments arguments = invocation.arguments();
			if (arguments == null || this.index >= arguments.size()) {
				return this.missing;
			}
			return arguments.get(this.index, this.type);
		}

	}

}
