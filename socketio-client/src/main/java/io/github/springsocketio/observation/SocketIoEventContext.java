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

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a Socket.IO event knows: the client, the namespace and the event, and
 * at its end the outcome.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public abstract class SocketIoEventContext extends Observation.Context {

	/** The outcome of an emit that was sent or acknowledged, or of handlers that all returned. */
	public static final String OK = "ok";

	/** The outcome of an emit or a handling that failed. */
	public static final String ERROR = "error";

	/** The outcome of an acknowledged emit whose acknowledgement did not come in time. */
	public static final String TIMEOUT = "timeout";

	/** The outcome of an emit that an interceptor vetoed. */
	public static final String VETOED = "vetoed";

	/** The outcome of a received event that an interceptor dropped. */
	public static final String DROPPED = "dropped";

	private final String clientName;

	private final String namespace;

	private final String event;

	private final String eventTag;

	private @Nullable String outcome;

	/**
	 * Creates the context of one event.
	 * @param clientName the client's name
	 * @param namespace the namespace
	 * @param event the event's name
	 * @param eventTag the event's name as a low-cardinality value: the name itself for the first
	 * names a client sees, {@code other} beyond its limit
	 */
	protected SocketIoEventContext(String clientName, String namespace, String event, String eventTag) {
		this.clientName = clientName;
		this.namespace = namespace;
		this.event = event;
		this.eventTag = eventTag;
	}

	/**
	 * The name of the client.
	 * @return the name, {@code default} for the primary client
	 */
	public String getClientName() {
		return this.clientName;
	}

	/**
	 * The namespace.
	 * @return the namespace
	 */
	public String getNamespace() {
		return this.namespace;
	}

	/**
	 * The event's name, as sent or received.
	 * @return the name
	 */
	public String getEvent() {
		return this.event;
	}

	/**
	 * The event's name as a low-cardinality value, as the metrics' {@code event} tag: the name
	 * itself for the first names the client sees, {@code other} beyond its limit.
	 * @return the value
	 */
	public String getEventTag() {
		return this.eventTag;
	}

	/**
	 * How it ended: {@link #OK}, {@link #ERROR}, {@link #TIMEOUT}, {@link #VETOED} or
	 * {@link #DROPPED}.
	 * @return the outcome, or {@code null} before the end
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how it ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
