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

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.springsocketio.client.AckTimeoutException;
import io.github.springsocketio.client.SocketIoException;
import io.github.springsocketio.observation.DefaultSocketIoEmitObservationConvention;
import io.github.springsocketio.observation.DefaultSocketIoHandleObservationConvention;
import io.github.springsocketio.observation.SocketIoEmitContext;
import io.github.springsocketio.observation.SocketIoEmitObservationConvention;
import io.github.springsocketio.observation.SocketIoEventContext;
import io.github.springsocketio.observation.SocketIoHandleContext;
import io.github.springsocketio.observation.SocketIoHandleObservationConvention;
import io.github.springsocketio.observation.SocketIoObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Starts the observations of one client's emits and handlings, and caps the event names they
 * carry as keys: the first {@code maxEventTags} distinct names are themselves, the others
 * {@code other}.
 */
public final class EventObservations {

	/** The {@code event} key of the names beyond the limit. */
	static final String OTHER_EVENTS = "other";

	private final String clientName;

	private final ObservationRegistry registry;

	private final @Nullable SocketIoEmitObservationConvention emitConvention;

	private final @Nullable SocketIoHandleObservationConvention handleConvention;

	private final int maxEventTags;

	private final Set<String> eventTags = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the observations of a client.
	 * @param clientName the client's name
	 * @param registry the registry
	 * @param emitConvention the convention of emits, or {@code null} for the default
	 * @param handleConvention the convention of handlings, or {@code null} for the default
	 * @param maxEventTags how many distinct event names are keys
	 */
	public EventObservations(String clientName, ObservationRegistry registry,
			@Nullable SocketIoEmitObservationConvention emitConvention,
			@Nullable SocketIoHandleObservationConvention handleConvention, int maxEventTags) {
		this.clientName = clientName;
		this.registry = registry;
		this.emitConvention = emitConvention;
		this.handleConvention = handleConvention;
		this.maxEventTags = maxEventTags;
	}

	/**
	 * An observation of an emit, not yet started.
	 */
	Observation emit(String namespace, String event, boolean acknowledged) {
		String tag = eventTag(event);
		return SocketIoObservationDocumentation.EMIT.observation(this.emitConvention,
				DefaultSocketIoEmitObservationConvention.INSTANCE,
				() -> new SocketIoEmitContext(this.clientName, namespace, event, tag, acknowledged), this.registry);
	}

	/**
	 * An observation of the handling of a received event, not yet started.
	 */
	Observation handle(String namespace, String event) {
		String tag = eventTag(event);
		return SocketIoObservationDocumentation.HANDLE.observation(this.handleConvention,
				DefaultSocketIoHandleObservationConvention.INSTANCE,
				() -> new SocketIoHandleContext(this.clientName, namespace, event, tag), this.registry);
	}

	/**
	 * Stops the observation of an acknowledged emit when its acknowledgement or failure comes.
	 * @param observation the observation, started
	 * @param reply the acknowledgement
	 */
	static void stopOnReply(Observation observation, CompletableFuture<?> reply) {
		reply.whenComplete((arguments, failure) -> {
			if (failure == null) {
				end(observation, SocketIoEventContext.OK, null);
			}
			else if (failure instanceof VetoedEmitException) {
				end(observation, SocketIoEventContext.VETOED, null);
			}
			else {
				end(observation, (failure instanceof AckTimeoutException) ? SocketIoEventContext.TIMEOUT
						: SocketIoEventContext.ERROR, failure);
			}
		});
	}

	/**
	 * Records how an observation ended, and stops it.
	 * @param observation the observation
	 * @param outcome the outcome
	 * @param error the failure, or {@code null}
	 */
	static void end(Observation observation, String outcome, @Nullable Throwable error) {
		record(observation, outcome, error);
		observation.stop();
	}

	/**
	 * Records how an observation ended.
	 * @param observation the observation, or {@code null} when there is none
	 * @param outcome the outcome
	 * @param error the failure, or {@code null}
	 */
	static void record(@Nullable Observation observation, String outcome, @Nullable Throwable error) {
		if (observation == null) {
			return;
		}
		if (observation.getContext() instanceof SocketIoEventContext context) {
			context.setOutcome(outcome);
		}
		if (error != null) {
			observation.error(error);
		}
	}

	private String eventTag(String event) {
		if (this.eventTags.contains(event)) {
			return event;
		}
		synchronized (this.eventTags) {
			if (this.eventTags.size() < this.maxEventTags) {
				this.eventTags.add(event);
				return event;
			}
		}
		return OTHER_EVENTS;
	}

	/**
	 * The failure of an acknowledged emit that an interceptor vetoed.
	 */
	static final class VetoedEmitException extends SocketIoException {

		VetoedEmitException(String event) {
			super("The emit of '" + event + "' was vetoed by an interceptor");
		}

	}

}
