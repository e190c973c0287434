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
package io.github.springsocketio.autoconfigure.observation;

import io.github.springsocketio.autoconfigure.SocketIoAutoConfiguration;
import io.github.springsocketio.autoconfigure.SocketIoClientCustomizer;
import io.github.springsocketio.autoconfigure.SocketIoClientSettings;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.observation.SocketIoEmitObservationConvention;
import io.github.springsocketio.observation.SocketIoEventContext;
import io.github.springsocketio.observation.SocketIoHandleObservationConvention;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the clients' observations: each client with
 * {@code observation-enabled: true} observes its emits ({@code socketio.client.emit}) and
 * handlings ({@code socketio.client.handle}) with the application's {@link ObservationRegistry},
 * with the {@link SocketIoEmitObservationConvention} and {@link SocketIoHandleObservationConvention}
 * beans if there are. Boot's {@code management.observations.enable.socketio=false} switches them
 * off.
 * <p>
 * The observations feed tracing; the clients' timers stay those of their meters
 * ({@code socketio.client.handler}, {@code socketio.client.ack}): a meter observation handler
 * claims the Socket.IO observations so that Boot's default one does not time them a second time.
 *
 * @author springsocketio
 * @since 0.2.0
 */
@AutoConfiguration(before = SocketIoAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ SocketIoClient.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class SocketIoObservationAutoConfiguration {

	@Bean
	SocketIoClientCustomizer socketIoObservationCustomizer(Environment environment, ObservationRegistry registry,
			ObjectProvider<SocketIoEmitObservationConvention> emitConvention,
			ObjectProvider<SocketIoHandleObservationConvention> handleConvention) {
		SocketIoClientSettings settings = SocketIoClientSettings.of(environment);
		int maxEventTags = settings.metrics().getMaxEventTags();
		return (clientName, builder) -> {
			if (settings.client(clientName).isObservationEnabled()) {
				builder.observationRegistry(registry);
				if (maxEventTags >= 0) {
					builder.maxEventTags(maxEventTags);
				}
				emitConvention.ifUnique(builder::emitObservationConvention);
				handleConvention.ifUnique(builder::handleObservationConvention);
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterObservationHandler.class)
	static class MeterHandlerConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SocketIoMeterObservationHandler socketIoMeterObservationHandler() {
			return new SocketIoMeterObservationHandler();
		}

	}

	/**
	 * Takes the Socket.IO observations in Boot's group of meter observation handlers, where the
	 * first handler that supports a context is the only one to see it, and makes no meter of
	 * them: the clients' own meters time handlers and acknowledgements already.
	 */
	static final class SocketIoMeterObservationHandler implements MeterObservationHandler<SocketIoEventContext> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof SocketIoEventContext;
		}

	}

}
