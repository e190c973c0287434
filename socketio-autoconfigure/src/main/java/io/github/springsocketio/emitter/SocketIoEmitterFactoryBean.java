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

import io.github.springsocketio.annotation.SocketIoEmitter;
import io.github.springsocketio.client.SocketIoClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.SmartFactoryBean;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.StringValueResolver;

/**
 * Makes the bean of one {@link SocketIoEmitter} interface, sending with the client the interface
 * names: the primary client when {@code client} is empty or {@code default}, else the client
 * qualified with that name ({@code socketio.clients.<name>}). The emitter is made at startup, so
 * that a signature it cannot serve or an unknown client fails startup.
 *
 * @param <T> the interface
 * @author springsocketio
 * @since 0.2.0
 */
public class SocketIoEmitterFactoryBean<T> implements SmartFactoryBean<T>, BeanFactoryAware {

	/** The name of the primary client. */
	private static final String DEFAULT_CLIENT = "default";

	private final Class<T> type;

	private @Nullable BeanFactory beanFactory;

	private StringValueResolver placeholders = (value) -> value;

	/**
	 * Creates the factory of an emitter.
	 * @param type the interface, annotated {@link SocketIoEmitter}
	 */
	public SocketIoEmitterFactoryBean(Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		this.type = type;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		if (beanFactory instanceof ConfigurableBeanFactory configurable) {
			this.placeholders = (value) -> {
				String resolved = configurable.resolveEmbeddedValue(value);
				return (resolved != null) ? resolved : value;
			};
		}
	}

	/**
	 * The name of the client the interface names.
	 * @return the name, {@code default} for the primary client
	 */
	public String getClientName() {
		SocketIoEmitter annotation = this.type.getAnnotation(SocketIoEmitter.class);
		String client = (annotation != null) ? this.placeholders.resolveStringValue(annotation.client()) : null;
		return StringUtils.hasText(client) ? client : DEFAULT_CLIENT;
	}

	/**
	 * The namespace the interface names.
	 * @return the namespace
	 */
	public String getNamespace() {
		return SocketIoEmitters.namespace(this.type, this.placeholders);
	}

	@Override
	public T getObject() {
		Assert.state(this.beanFactory != null, "No BeanFactory");
		return SocketIoEmitters.create(this.type, client(this.beanFactory), this.placeholders);
	}

	private SocketIoClient client(BeanFactory beanFactory) {
		String name = getClientName();
		try {
			return BeanFactoryAnnotationUtils.qualifiedBeanOfType(beanFactory, SocketIoClient.class, name);
		}
		catch (NoSuchBeanDefinitionException ex) {
			if (DEFAULT_CLIENT.equals(name)) {
				return beanFactory.getBean(SocketIoClient.class);
			}
			throw new IllegalStateException("The Socket.IO emitter " + this.type.getName() + " names the client '"
					+ name + "', which does not exist: configure socketio.clients." + name
					+ ".url, or name an existing client in @SocketIoEmitter(client = ...)", ex);
		}
	}

	@Override
	public Class<T> getObjectType() {
		return this.type;
	}

	@Override
	public boolean isEagerInit() {
		return true;
	}

}
