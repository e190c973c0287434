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
package io.github.springsocketio.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.springsocketio.autoconfigure.SocketIoAutoConfiguration;
import io.github.springsocketio.autoconfigure.SocketIoClientFactory;
import io.github.springsocketio.autoconfigure.SocketIoClientNamespaces;
import io.github.springsocketio.autoconfigure.SocketIoProperties;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.health.SocketIoHealthIndicator;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code socketIo} health contributor: one {@link SocketIoHealthIndicator}
 * per client name ({@code /actuator/health/socketIo/default}). Off with
 * {@code management.health.socketio.enabled=false}.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@AutoConfiguration(after = SocketIoAutoConfiguration.class)
@ConditionalOnClass({ HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(SocketIoClientFactory.class)
@ConditionalOnEnabledHealthIndicator("socketio")
public final class SocketIoHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "socketIoHealthContributor")
	CompositeHealthContributor socketIoHealthContributor(ConfigurableListableBeanFactory beanFactory,
			SocketIoClientFactory factory, SocketIoClientNamespaces namespaces) {
		Map<String, SocketIoHealthIndicator> indicators = new LinkedHashMap<>();
		for (String name : factory.clientNames()) {
			String beanName = SocketIoClientFactory.beanName(name);
			if (!beanFactory.containsBean(beanName)) {
				continue;
			}
			SocketIoProperties.Client settings = factory.settings(name);
			String url = (settings.getUrl() != null) ? settings.getUrl() : "";
			indicators.put(name,
					new SocketIoHealthIndicator(beanFactory.getBean(beanName, SocketIoClient.class), url, namespaces.of(name)));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

}
