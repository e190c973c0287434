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
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of a Socket.IO client and their low-cardinality keys.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public enum SocketIoObservationDocumentation implements ObservationDocumentation {

	/** Around every emit; for an acknowledged emit, until its acknowledgement or failure. */
	EMIT {

		@Override
		public Class<DefaultSocketIoEmitObservationConvention> getDefaultConvention() {
			return DefaultSocketIoEmitObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	},

	/** Around the interceptors and handlers of every received event. */
	HANDLE {

		@Override
		public Class<DefaultSocketIoHandleObservationConvention> getDefaultConvention() {
			return DefaultSocketIoHandleObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	/**
	 * The low-cardinality keys of both observations.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The client's name, {@code default} for the primary client. */
		CLIENT {

			@Override
			public String asString() {
				return "client";
			}

		},

		/** The namespace. */
		NAMESPACE {

			@Override
			public String asString() {
				return "namespace";
			}

		},

		/** The event's name, capped as the metrics' {@code event} tag. */
		EVENT {

			@Override
			public String asString() {
				return "event";
			}

		},

		/** How it ended: {@code ok}, {@code error}, {@code timeout}, {@code vetoed} or {@code dropped}. */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		}

	}

	static KeyValues lowCardinalityKeyValues(SocketIoEventContext context) {
		String outcome = (context.getOutcome() != null) ? context.getOutcome() : SocketIoEventContext.OK;
		return KeyValues.of(LowCardinalityKeyNames.CLIENT.withValue(context.getClientName()),
				LowCardinalityKeyNames.NAMESPACE.withValue(context.getNamespace()),
				LowCardinalityKeyNames.EVENT.withValue(context.getEventTag()),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome));
	}

}
