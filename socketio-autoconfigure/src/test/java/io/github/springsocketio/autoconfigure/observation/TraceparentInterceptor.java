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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.client.OutboundEvent;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The README's example of trace propagation across the wire, a user's choice: a
 * {@code traceparent} in the auth of each connect (in a span of its own, as a connect runs on the
 * client's I/O thread where no span is current) and in a trailing argument of each emit (the
 * emit's span, current while interceptors run).
 */
class TraceparentInterceptor implements SocketIoInterceptor {

	private final Tracer tracer;

	private final Propagator propagator;

	TraceparentInterceptor(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public Map<String, ?> beforeConnect(String namespace, Map<String, ?> auth) {
		Map<String, Object> traced = new HashMap<>(auth);
		Span connect = this.tracer.nextSpan().name("socketio connect " + namespace).start();
		try {
			this.propagator.inject(connect.context(), traced, Map::put);
		}
		finally {
			connect.end();
		}
		return traced;
	}

	@Override
	public OutboundEvent beforeSend(OutboundEvent event) {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return event;
		}
		Map<String, Object> headers = new HashMap<>();
		this.propagator.inject(span.context(), headers, Map::put);
		List<Object> arguments = new ArrayList<>(event.arguments());
		arguments.add(Map.of("headers", headers));
		return event.withArguments(arguments);
	}

}
