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
package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.client.AuthProvider;
import io.github.springsocketio.client.InboundOverflow;
import io.github.springsocketio.client.SocketIoInterceptor;
import org.jspecify.annotations.Nullable;

/**
 * The settings of the client that its namespaces use.
 *
 * @param ackTimeout how long an acknowledged emit waits by default
 * @param retries how often an emit is sent again when unacknowledged (0: no retry queue)
 * @param sendBufferMaxPackets how many emits may wait for the namespace to connect
 * @param maxPendingInboundEvents how many received events may wait for the handlers
 * @param inboundOverflow what happens past that
 * @param auth the CONNECT payload per namespace, or {@code null} for none
 * @param query the client's query parameters
 * @param interceptors the interceptors, in order
 * @param observations observes emits and handlings, or {@code null} for no observations
 */
public record NamespaceOptions(Duration ackTimeout, int retries, int sendBufferMaxPackets,
		int maxPendingInboundEvents, InboundOverflow inboundOverflow, @Nullable AuthProvider auth,
		Map<String, String> query, List<SocketIoInterceptor> interceptors,
		@Nullable EventObservations observations) {

}
