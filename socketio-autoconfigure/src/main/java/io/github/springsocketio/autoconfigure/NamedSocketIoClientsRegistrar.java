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

import io.github.springsocketio.client.SocketIoClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a bean {@code <name>SocketIoClient}, qualified {@code @Qualifier("<name>")}, for each
 * enabled client under {@code socketio.clients}.
 *
 * @author springsocketio
 * @since 0.1.0
 */
class NamedSocketIoClientsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		SocketIoClientSettings settings = SocketIoClientSettings.of(this.environment);
		for (String name : settings.clientNames()) {
			String beanName = SocketIoClientFactory.beanName(name);
			if (SocketIoClientSettings.DEFAULT_CLIENT.equals(name) || !settings.client(name).isEnabled()
					|| registry.containsBeanDefinition(beanName)) {
				continue;
			}
			AbstractBeanDefinition definition = BeanDefinitionBuilder.genericBeanDefinition(SocketIoClient.class)
				.setFactoryMethodOnBean("create", "socketIoClientFactory")
				.addConstructorArgValue(name)
				.setDestroyMethodName("close")
				.getBeanDefinition();
			definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
			registry.registerBeanDefinition(beanName, definition);
		}
	}

}
