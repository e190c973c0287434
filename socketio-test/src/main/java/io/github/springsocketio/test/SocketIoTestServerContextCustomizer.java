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
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the server before the context refreshes, points the URL properties at it, registers it
 * as the bean {@value #BEAN_NAME} and closes it with the context. Equal for equal settings, so
 * that such tests share a cached context.
 * <p>
 * When the context is processed ahead of time ({@code process-test-aot}), no server is started:
 * the URL properties are set to {@value #AOT_PROCESSING_URL}, so that what they decide when the
 * bean definitions are made (such as the named clients under {@code socketio.clients.*}) is
 * decided as at run time, and the context loaded from the generated code at run time
 * ({@code spring.aot.enabled}) starts its own server here. Neither the server nor its port is
 * part of the generated code.
 *
 * @author springsocketio
 * @since 0.1.0
 */
final class SocketIoTestServerContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "socketIoTestServer";

	/** The URL while the context is processed ahead of time, when no server runs. */
	static final String AOT_PROCESSING_URL = "http://aot-processing.invalid";

	private final List<String> urlProperties;

	SocketIoTestServerContextCustomizer(List<String> urlProperties) {
		this.urlProperties = List.copyOf(urlProperties);
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			setUrl(context, AOT_PROCESSING_URL);
			return;
		}
		SocketIoTestServer server = SocketIoTestServer.start();
		setUrl(context, server.url());
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::close);
		}
	}

	private void setUrl(ConfigurableApplicationContext context, String url) {
		Map<String, Object> properties = new LinkedHashMap<>();
		this.urlProperties.forEach((name) -> properties.put(name, url));
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(BEAN_NAME, properties));
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
