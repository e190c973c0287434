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
package io.github.springsocketio.observation;

import io.micrometer.common.KeyValues;

/**
 * The default names of the observation {@code socketio.client.emit}: its contextual name (the
 * span's name) is {@code emit <event>}, and its low-cardinality keys are {@code client},
 * {@code namespace}, {@code event} and {@code outcome}.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public class DefaultSocketIoEmitObservationConvention implements SocketIoEmitObservationConvention {

	/** The shared instance. */
	public static final DefaultSocketIoEmitObservationConvention INSTANCE =
			new DefaultSocketIoEmitObservationConvention();

	@Override
	public String getName() {
		return "socketio.client.emit";
	}

	@Override
	public String getContextualName(SocketIoEmitContext context) {
		return "emit " + context.getEventTag();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(SocketIoEmitContext context) {
		return SocketIoObservationDocumentation.lowCardinalityKeyValues(context);
	}

}
