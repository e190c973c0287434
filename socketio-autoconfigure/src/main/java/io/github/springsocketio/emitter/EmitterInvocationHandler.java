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

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Answers the calls of an emitter proxy: {@code Emit} methods send, default methods run their own
 * body, and {@code toString}, {@code equals} and {@code hashCode} describe the proxy by identity.
 */
final class EmitterInvocationHandler implements InvocationHandler {

	private final String description;

	private final Map<Method, EmitterMethod> methods;

	EmitterInvocationHandler(String description, Map<Method, EmitterMethod> methods) {
		this.description = description;
		this.methods = methods;
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		EmitterMethod emit = this.methods.get(method);
		if (emit != null) {
			return emit.invoke(args);
		}
		if (method.isDefault()) {
			return InvocationHandler.invokeDefault(proxy, method, args);
		}
		return switch (method.getName()) {
			case "equals" -> args != null && proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			case "toString" -> this.description;
			default -> throw new IllegalStateException("Unexpected method " + method);
		};
	}

}
