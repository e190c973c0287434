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
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.springsocketio.client.Arguments;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.core.ResolvableType;

/**
 * The Jackson binding hints of the types that event arguments are read as and acknowledgements
 * written from or read as, generics included ({@code List<Order>} registers {@code Order}).
 *
 * @author springsocketio
 * @since 0.2.0
 */
final class PayloadTypes {

	private static final BindingReflectionHintsRegistrar BINDING = new BindingReflectionHintsRegistrar();

	private PayloadTypes() {
	}

	/**
	 * Registers binding hints for the payload types among the given ones; {@code void},
	 * {@code Void} and {@link Arguments} (the raw arguments, which Jackson does not bind) are left
	 * out.
	 * @param hints the hints
	 * @param types the types
	 */
	static void register(ReflectionHints hints, Type... types) {
		for (Type type : types) {
			Class<?> raw = ResolvableType.forType(type).toClass();
			if (raw != void.class && raw != Void.class && raw != Arguments.class) {
				BINDING.registerReflectionHints(hints, type);
			}
		}
	}

	/**
	 * What a method's acknowledgement holds: its return type, or what the
	 * {@link CompletionStage} it returns completes with.
	 * @param method the method
	 * @return the type
	 */
	static Type result(Method method) {
		Type type = method.getGenericReturnType();
		if (!CompletionStage.class.isAssignableFrom(method.getReturnType())) {
			return type;
		}
		if (type instanceof ParameterizedType future
				&& (future.getRawType() == CompletableFuture.class || future.getRawType() == CompletionStage.class)) {
			return future.getActualTypeArguments()[0];
		}
		return ResolvableType.forMethodReturnType(method).as(CompletionStage.class).getGeneric(0).resolve(Object.class);
	}

}
