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
package io.github.springsocketio.autoconfigure.metrics;

import io.github.springsocketio.autoconfigure.SocketIoClientFactory;
import io.github.springsocketio.autoconfigure.SocketIoClientSettings;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.metrics.SocketIoClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Micrometer meters of every {@link SocketIoClient} bean, when a
 * {@link MeterRegistry} exists: a {@link SocketIoClientMetrics} per client, tagged with the
 * client's name.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ SocketIoClient.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
public final class SocketIoMetricsAutoConfiguration {

	@Bean
	static SocketIoClientMetricsPostProcessor socketIoClientMetricsPostProcessor(ObjectProvider<MeterRegistry> registry,
			Environment environment) {
		// Bound here rather than injected: a post-processor must not pull in the properties bean early.
		int maxEventTags = SocketIoClientSettings.of(environment).metrics().getMaxEventTags();
		if (maxEventTags < 0) {
			throw new IllegalStateException(
					"socketio.metrics.max-event-tags must not be negative, but was " + maxEventTags);
		}
		return new SocketIoClientMetricsPostProcessor(registry, maxEventTags);
	}

	/**
	 * Binds the meters of each client bean as it is created; the registry is looked up then, not
	 * when this post-processor is, so that it does not create the registry early.
	 */
	static final class SocketIoClientMetricsPostProcessor implements BeanPostProcessor, Ordered {

		private final ObjectProvider<MeterRegistry> registry;

		private final int maxEventTags;

		SocketIoClientMetricsPostProcessor(ObjectProvider<MeterRegistry> registry, int maxEventTags) {
			this.registry = registry;
			this.maxEventTags = maxEventTags;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof SocketIoClient client) {
				new SocketIoClientMetrics(client, SocketIoClientFactory.clientName(beanName), this.maxEventTags)
					.bindTo(this.registry.getObject());
			}
			return bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
