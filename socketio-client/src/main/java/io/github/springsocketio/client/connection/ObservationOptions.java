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
package io.github.springsocketio.client.connection;

import io.github.springsocketio.observation.SocketIoEmitObservationConvention;
import io.github.springsocketio.observation.SocketIoHandleObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * How a client observes its emits and handlings.
 *
 * @param clientName the client's name, the observations' {@code client} key
 * @param registry the registry, or {@code null} for no observations
 * @param emitConvention the convention of {@code socketio.client.emit}, or {@code null} for the default
 * @param handleConvention the convention of {@code socketio.client.handle}, or {@code null} for the default
 * @param maxEventTags how many distinct event names the {@code event} key keeps before {@code other}
 */
public record ObservationOptions(String clientName, @Nullable ObservationRegistry registry,
		@Nullable SocketIoEmitObservationConvention emitConvention,
		@Nullable SocketIoHandleObservationConvention handleConvention, int maxEventTags) {

}
