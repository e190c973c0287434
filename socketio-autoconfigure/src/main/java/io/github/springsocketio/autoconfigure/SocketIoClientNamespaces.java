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
package io.github.springsocketio.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.springsocketio.emitter.SocketIoEmitterFactoryBean;
import io.github.springsocketio.listener.SocketIoListenerAnnotationBeanPostProcessor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The namespaces each auto-configured client joins: those of its {@code namespaces} setting, those
 * its listeners name and those its emitter interfaces name.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class SocketIoClientNamespaces {

	private final SocketIoClientFactory factory;

	private final @Nullable SocketIoListenerAnnotationBeanPostProcessor listeners;

	private final ListableBeanFactory beanFactory;

	/**
	 * Creates the namespaces of the clients.
	 * @param factory the factory that knows the clients' settings
	 * @param listeners the listener post-processor, or {@code null}
	 * @param beanFactory holds the emitters' factories
	 */
	public SocketIoClientNamespaces(SocketIoClientFactory factory,
			@Nullable SocketIoListenerAnnotationBeanPostProcessor listeners, ListableBeanFactory beanFactory) {
		this.factory = factory;
		this.listeners = listeners;
		this.beanFactory = beanFactory;
	}

	/**
	 * The namespaces a client joins, its configured ones first.
	 * @param clientName the client's name
	 * @return the namespaces
	 */
	public List<String> of(String clientName) {
		Set<String> namespaces = new LinkedHashSet<>(this.factory.settings(clientName).getNamespaces());
		if (this.listeners != null) {
			this.listeners.namespacesOf(clientName).forEach((namespace) -> namespaces.add(normalize(namespace)));
		}
		for (SocketIoEmitterFactoryBean<?> emitter : this.beanFactory.getBeansOfType(SocketIoEmitterFactoryBean.class)
			.values()) {
			if (emitter.getClientName().equals(clientName)) {
				namespaces.add(emitter.getNamespace());
			}
		}
		return List.copyOf(namespaces);
	}

	private static String normalize(String namespace) {
		return namespace.startsWith("/") ? namespace : "/" + namespace;
	}

}
