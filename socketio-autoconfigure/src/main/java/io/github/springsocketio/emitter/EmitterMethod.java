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

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.github.springsocketio.annotation.Emit;
import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoException;
import io.github.springsocketio.client.SocketIoSocket;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;
import org.springframework.util.StringValueResolver;
import tools.jackson.core.type.TypeReference;

/**
 * One {@link Emit} method of an emitter interface: its event, its timeout and what it returns,
 * checked once when the emitter is made, so that a signature that cannot be served fails then,
 * naming the method and the fix, rather than at its first call.
 */
final class EmitterMethod {

	/** Event names the protocol keeps for itself. */
	private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
			"disconnecting", "newListener", "removeListener");

	private final Method method;

	private final String event;

	private final SocketIoSocket socket;

	private final Kind kind;

	private final @Nullable Type resultType;

	private final @Nullable TypeReference<Object> result;

	private final boolean throwsInterrupted;

	private EmitterMethod(Method method, String event, SocketIoSocket socket, Kind kind, @Nullable Type resultType) {
		this.method = method;
		this.event = event;
		this.socket = socket;
		this.kind = kind;
		this.resultType = resultType;
		this.result = (resultType != null && resultType != Arguments.class && resultType != Void.class)
				? typeReference(resultType) : null;
		this.throwsInterrupted = Arrays.stream(method.getExceptionTypes())
			.anyMatch((type) -> type.isAssignableFrom(InterruptedException.class));
	}

	/**
	 * Reads and checks an {@link Emit} method.
	 * @param method the method
	 * @param socket the namespace it emits to
	 * @param placeholders resolves {@code ${...}} in the annotation's values
	 * @return the method, ready to invoke
	 * @throws IllegalStateException when its signature cannot be served
	 */
	static EmitterMethod of(Method method, SocketIoSocket socket, StringValueResolver placeholders) {
		Emit emit = method.getAnnotation(Emit.class);
		if (emit == null) {
			throw invalid(method, "it is neither annotated @Emit nor a default method: annotate it with @Emit");
		}
		if (method.getTypeParameters().length > 0) {
			throw invalid(method, "it declares type variables: give it a concrete return type");
		}
		String event = StringUtils.hasText(emit.value()) ? resolve(method, placeholders, emit.value()) : method.getName();
		if (RESERVED_EVENTS.contains(event)) {
			throw invalid(method, "'" + event + "' is a reserved event name: choose another one in @Emit");
		}
		checkParameters(method);
		Kind kind = kind(method);
		Type resultType = (kind == Kind.EMIT) ? null : resultType(method, kind);
		checkExceptions(method, kind);
		Duration timeout = timeout(method, emit, kind, placeholders);
		SocketIoSocket target = (timeout != null) ? socket.timeout(timeout) : socket;
		return new EmitterMethod(method, event, target, kind, resultType);
	}

	/**
	 * Sends the event.
	 * @param args the method's arguments, or {@code null} for none
	 * @return what the method returns
	 * @throws Exception a failure of a blocking call, or its interruption when the method declares it
	 */
	@Nullable Object invoke(@Nullable Object[] args) throws Exception {
		Object[] arguments = (args != null) ? args : new Object[0];
		return switch (this.kind) {
			case EMIT -> {
				this.socket.emit(this.event, arguments);
				yield null;
			}
			case FUTURE -> this.socket.emitWithAck(this.event, arguments).thenApply(this::convert);
			case CALL -> call(arguments);
		};
	}

	private @Nullable Object call(Object[] arguments) throws InterruptedException {
		Object value;
		try {
			value = (this.result != null) ? this.socket.call(this.event, this.result, arguments)
					: convert(this.socket.emitWithAck(this.event, arguments).get());
		}
		catch (SocketIoException ex) {
			if (this.throwsInterrupted && ex.getCause() instanceof InterruptedException interrupted) {
				Thread.interrupted();
				throw interrupted;
			}
			throw ex;
		}
		catch (InterruptedException ex) {
			if (this.throwsInterrupted) {
				throw ex;
			}
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while waiting for an acknowledgement", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof SocketIoException failure) ? failure
					: new SocketIoException("The acknowledgement failed: " + ex.getCause(), ex.getCause());
		}
		if (value == null && this.method.getReturnType().isPrimitive()) {
			throw new SocketIoException("The acknowledgement of '" + this.event + "' had no argument for "
					+ describe(this.method) + ", which returns " + this.method.getReturnType().getName());
		}
		return value;
	}

	private @Nullable Object convert(Arguments arguments) {
		if (this.resultType == Arguments.class) {
			return arguments;
		}
		if (this.result == null || arguments.isEmpty()) {
			return null;
		}
		return arguments.get(0, this.result);
	}

	private static Kind kind(Method method) {
		Class<?> type = method.getReturnType();
		if (type == void.class) {
			return Kind.EMIT;
		}
		if (type == CompletableFuture.class || type == CompletionStage.class) {
			return Kind.FUTURE;
		}
		if (Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)) {
			throw invalid(method, type.getSimpleName() + " is not supported: return CompletableFuture<T> or "
					+ "CompletionStage<T>");
		}
		return Kind.CALL;
	}

	private static Type resultType(Method method, Kind kind) {
		Type type = method.getGenericReturnType();
		if (kind == Kind.FUTURE) {
			if (!(type instanceof ParameterizedType parameterized)) {
				throw invalid(method, "its return type is a raw " + method.getReturnType().getSimpleName()
						+ ": name what the acknowledgement holds, e.g. " + method.getReturnType().getSimpleName()
						+ "<Arguments>");
			}
			type = parameterized.getActualTypeArguments()[0];
			if (type instanceof WildcardType) {
				throw invalid(method, "its return type has a wildcard: name what the acknowledgement holds, e.g. "
						+ method.getReturnType().getSimpleName() + "<Arguments>");
			}
		}
		if (type instanceof TypeVariable<?>) {
			throw invalid(method, "its return type is the type variable " + type
					+ ", which is unknown at run time: give a concrete type");
		}
		return type;
	}

	private static void checkParameters(Method method) {
		for (Class<?> type : method.getParameterTypes()) {
			if (type == Ack.class || type == SocketIoSocket.class || type == SocketIoClient.class) {
				throw invalid(method, "a " + type.getSimpleName() + " parameter cannot be sent: every parameter "
						+ "is an argument of the event");
			}
		}
	}

	private static void checkExceptions(Method method, Kind kind) {
		for (Class<?> type : method.getExceptionTypes()) {
			boolean unchecked = RuntimeException.class.isAssignableFrom(type) || Error.class.isAssignableFrom(type);
			boolean honoured = kind == Kind.CALL && type.isAssignableFrom(InterruptedException.class);
			if (!unchecked && !honoured) {
				throw invalid(method, "it declares " + type.getName() + ", which an emit never throws: remove it "
						+ "(failures are unchecked SocketIoExceptions"
						+ ((kind == Kind.CALL) ? "; a blocking emit may declare InterruptedException)" : ")"));
			}
		}
	}

	private static @Nullable Duration timeout(Method method, Emit emit, Kind kind, StringValueResolver placeholders) {
		if (!StringUtils.hasText(emit.timeout())) {
			return null;
		}
		if (kind == Kind.EMIT) {
			throw invalid(method, "a void method waits for no acknowledgement, so its timeout would never apply: "
					+ "remove it, or return CompletableFuture<T>");
		}
		String value = resolve(method, placeholders, emit.timeout());
		Duration timeout;
		try {
			timeout = DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(method, "its timeout '" + value + "' is not a duration: write it as 5s, 500ms or PT5S");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw invalid(method, "its timeout '" + value + "' must be positive");
		}
		return timeout;
	}

	private static String resolve(Method method, StringValueResolver placeholders, String value) {
		try {
			String resolved = placeholders.resolveStringValue(value);
			return (resolved != null) ? resolved : value;
		}
		catch (IllegalArgumentException ex) {
			throw invalid(method, ex.getMessage() + ": define it, or give a default as in ${name:5s}");
		}
	}

	private static TypeReference<Object> typeReference(Type type) {
		return new TypeReference<>() {

			@Override
			public Type getType() {
				return type;
			}

		};
	}

	static IllegalStateException invalid(Method method, String reason) {
		return new IllegalStateException("Invalid Socket.IO emitter method " + describe(method) + ": " + reason);
	}

	static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName() + "(..)";
	}

	@Override
	public String toString() {
		return describe(this.method) + " -> '" + this.event + "'";
	}

	private enum Kind {

		/** Sends without asking for an acknowledgement. */
		EMIT,

		/** Returns a future of the acknowledgement. */
		FUTURE,

		/** Waits for the acknowledgement. */
		CALL

	}

}
