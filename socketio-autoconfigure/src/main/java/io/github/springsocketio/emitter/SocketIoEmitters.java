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
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.springsocketio.annotation.SocketIoEmitter;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoSocket;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringValueResolver;

/**
 * Makes emitters: implementations of {@link SocketIoEmitter} interfaces that send their
 * {@code Emit} methods' events with a client. A Spring Boot application gets them as beans; this
 * is the way without Boot:
 * <pre class="code">
 * Orders orders = SocketIoEmitters.create(Orders.class, client);
 * orders.placed(order);
 * </pre>
 * Every method is checked when the emitter is made: a signature that cannot be served throws
 * {@link IllegalStateException} naming the method and the fix. The interface's namespace must be
 * one the client joins (its {@code namespaces}, or {@code client.socket(namespace).connect()}).
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class SocketIoEmitters {

	private SocketIoEmitters() {
	}

	/**
	 * Makes an emitter whose annotation values resolve {@code ${...}} placeholders from the system
	 * properties and the environment variables. The interface's {@code client} attribute is not
	 * used: the emitter sends with the given client.
	 * @param <T> the interface
	 * @param type the interface, annotated {@link SocketIoEmitter} (without it, the namespace is
	 * {@code /})
	 * @param client the client that sends
	 * @return the emitter
	 */
	public static <T> T create(Class<T> type, SocketIoClient client) {
		StandardEnvironment environment = new StandardEnvironment();
		return create(type, client, environment::resolveRequiredPlaceholders);
	}

	/**
	 * Makes an emitter whose annotation values resolve {@code ${...}} placeholders with the given
	 * resolver, as a Spring bean factory's {@code resolveEmbeddedValue}.
	 * @param <T> the interface
	 * @param type the interface
	 * @param client the client that sends
	 * @param placeholders resolves placeholders
	 * @return the emitter
	 */
	public static <T> T create(Class<T> type, SocketIoClient client, StringValueResolver placeholders) {
		Assert.notNull(type, "'type' must not be null");
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(placeholders, "'placeholders' must not be null");
		Assert.isTrue(type.isInterface(), () -> "A Socket.IO emitter must be an interface, but " + type.getName()
				+ " is a class");
		String namespace = namespace(type, placeholders);
		SocketIoSocket socket = client.socket(namespace);
		Map<Method, EmitterMethod> methods = new LinkedHashMap<>();
		for (Method method : type.getMethods()) {
			if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())
					&& !ReflectionUtils.isObjectMethod(method)) {
				methods.put(method, EmitterMethod.of(method, socket, placeholders));
			}
		}
		String description = "Socket.IO emitter " + type.getName() + " (namespace '" + namespace + "')";
		Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				new EmitterInvocationHandler(description, Map.copyOf(methods)));
		return type.cast(proxy);
	}

	/**
	 * The namespace an emitter interface names.
	 * @param type the interface
	 * @param placeholders resolves placeholders
	 * @return the namespace, {@code /} when the interface is not annotated
	 */
	static String namespace(Class<?> type, StringValueResolver placeholders) {
		SocketIoEmitter annotation = type.getAnnotation(SocketIoEmitter.class);
		String namespace = (annotation != null) ? placeholders.resolveStringValue(annotation.namespace()) : "/";
		Assert.hasText(namespace, () -> "The namespace of Socket.IO emitter " + type.getName() + " is empty");
		return namespace.startsWith("/") ? namespace : "/" + namespace;
	}

}
