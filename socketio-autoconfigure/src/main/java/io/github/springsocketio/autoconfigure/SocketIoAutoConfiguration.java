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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import io.github.springsocketio.client.AuthProvider;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.listener.SocketIoListenerAnnotationBeanPostProcessor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration of the Socket.IO clients: the primary client {@code socketIoClient} from
 * {@code socketio.client}, one client per name under {@code socketio.clients}, the listener
 * infrastructure, the beans of the {@code @SocketIoEmitter} interfaces in the application's
 * packages, and the lifecycle that connects them after the context is refreshed.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@AutoConfiguration(after = { SslAutoConfiguration.class, TaskExecutionAutoConfiguration.class },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(SocketIoClient.class)
@ConditionalOnBooleanProperty(name = "socketio.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SocketIoProperties.class)
@Import({ NamedSocketIoClientsRegistrar.class, SocketIoEmittersRegistrar.class })
public final class SocketIoAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SocketIoClientFactory socketIoClientFactory(Environment environment, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<AuthProvider> authProvider,
			ObjectProvider<SocketIoInterceptor> interceptors, ObjectProvider<SocketIoClientCustomizer> customizers,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> executor) {
		return new SocketIoClientFactory(environment, jsonMapper, sslBundles, authProvider, interceptors, customizers,
				executor.getIfAvailable());
	}

	@Bean(destroyMethod = "close")
	@Primary
	@Qualifier(SocketIoClientFactory.DEFAULT_CLIENT)
	@ConditionalOnMissingBean(name = "socketIoClient")
	SocketIoClient socketIoClient(SocketIoClientFactory factory) {
		return factory.create(SocketIoClientFactory.DEFAULT_CLIENT);
	}

	@Bean
	static SocketIoListenerAnnotationBeanPostProcessor socketIoListenerAnnotationBeanPostProcessor(BeanFactory beanFactory) {
		return new SocketIoListenerAnnotationBeanPostProcessor(
				(name) -> beanFactory.getBean(SocketIoClientFactory.beanName(name), SocketIoClient.class));
	}

	@Bean
	@ConditionalOnMissingBean
	SocketIoClientNamespaces socketIoClientNamespaces(SocketIoClientFactory factory,
			ObjectProvider<SocketIoListenerAnnotationBeanPostProcessor> listeners,
			ConfigurableListableBeanFactory beanFactory) {
		return new SocketIoClientNamespaces(factory, listeners.getIfAvailable(), beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	SocketIoClientLifecycle socketIoClientLifecycle(ConfigurableListableBeanFactory beanFactory,
			SocketIoClientFactory factory, SocketIoClientNamespaces namespaces, ApplicationEventPublisher events) {
		Map<String, SocketIoClient> clients = new LinkedHashMap<>();
		for (String name : factory.clientNames()) {
			String beanName = SocketIoClientFactory.beanName(name);
			if (beanFactory.containsBean(beanName)) {
				clients.put(name, beanFactory.getBean(beanName, SocketIoClient.class));
			}
		}
		return new SocketIoClientLifecycle(clients, factory, namespaces, events);
	}

}
