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
package io.github.springsocketio.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the server before the context refreshes, points the URL properties at it, registers it
 * as the bean {@value #BEAN_NAME} and closes it with the context. Equal for equal settings, so
 * that such tests share a cached context.
 *
 * @author springsocketio
 * @since 0.1.0
 */
final class SocketIoTestServerContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "socketIoTestServer";

	private final List<String> urlProperties;

	SocketIoTestServerContextCustomizer(List<String> urlProperties) {
		this.urlProperties = List.copyOf(urlProperties);
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
		SocketIoTestServer server = SocketIoTestServer.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		this.urlProperties.forEach((name) -> properties.put(name, server.url()));
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(BEAN_NAME, properties));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::close);
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof SocketIoTestServerContextCustomizer customizer)
				&& this.urlProperties.equals(customizer.urlProperties);
	}

	@Override
	public int hashCode() {
		return this.urlProperties.hashCode();
	}

}
