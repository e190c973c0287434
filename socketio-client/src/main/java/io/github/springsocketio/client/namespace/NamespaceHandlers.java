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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.AnyEventHandler;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.EventHandler;
import io.github.springsocketio.client.InboundEvent;
import io.github.springsocketio.client.OutboundEvent;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.client.Subscription;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.observation.SocketIoEventContext;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The application's handlers of one namespace, and the running of them: on the namespace's own
 * serial executor over the handler executor, one at a time and in arrival order, behind the
 * interceptors. A handler that throws is logged and does not stop the ones after it.
 */
final class NamespaceHandlers {

	private static final Log logger = LogFactory.getLog(NamespaceHandlers.class);

	private final String namespace;

	private final List<SocketIoInterceptor> interceptors;

	private final NamespaceHost host;

	private final SerialExecutor serial;

	private final InboundBacklog backlog;

	private final UnreceivedEvents unreceived;

	private final @Nullable EventObservations observations;

	private final Map<String, List<EventHandler>> events = new ConcurrentHashMap<>();

	private final List<AnyEventHandler> anyEvent = new CopyOnWriteArrayList<>();

	private final List<AnyEventHandler> anyOutgoing = new CopyOnWriteArrayList<>();

	private final List<Runnable> connect = new CopyOnWriteArrayList<>();

	private final List<Consumer<DisconnectReason>> disconnect = new CopyOnWriteArrayList<>();

	private final List<Consumer<SocketIoConnectException>> connectError = new CopyOnWriteArrayList<>();

	NamespaceHandlers(String namespace, NamespaceHost host) {
		this.namespace = namespace;
		this.interceptors = host.options().interceptors();
		this.host = host;
		this.serial = new SerialExecutor(host.handlerExecutor());
		this.backlog = new InboundBacklog(host, namespace);
		this.unreceived = new UnreceivedEvents(host, namespace);
		this.observations = host.options().observations();
	}

	// Registration (any thread)

	Subscription on(String event, EventHandler handler) {
		Objects.requireNonNull(event, "'event' must not be null");
		Objects.requireNonNull(handler, "'handler' must not be null");
		if (SocketPacket.RESERVED_EVENTS.contains(event)) {
			throw new IllegalArgumentException("'" + event
					+ "' is a reserved event name: use onConnect, onDisconnect or onConnectError instead of on(..)");
		}
		List<EventHandler> list = this.events.computeIfAbsent(event, (key) -> new CopyOnWriteArrayList<>());
		list.add(handler);
		return () -> list.remove(handler);
	}

	Subscription onAny(AnyEventHandler handler) {
		return add(this.anyEvent, handler);
	}

	Subscription onAnyOutgoing(AnyEventHandler handler) {
		return add(this.anyOutgoing, handler);
	}

	Subscription onConnect(Runnable handler) {
		return add(this.connect, handler);
	}

	Subscription onDisconnect(Consumer<DisconnectReason> handler) {
		return add(this.disconnect, handler);
	}

	Subscription onConnectError(Consumer<SocketIoConnectException> handler) {
		return add(this.connectError, handler);
	}

	private static <T> Subscription add(List<T> list, T handler) {
		Objects.requireNonNull(handler, "'handler' must not be null");
		list.add(handler);
		return () -> list.remove(handler);
	}

	// Running them (queued from the connection's serial executor)

	/**
	 * Whether anything would see an inbound event: a handler of it, a catch-all or an interceptor.
	 * @param event the event's name
	 * @return false when the event can be ignored without a hand-off
	 */
	boolean wants(String event) {
		return this.events.containsKey(event) || !this.anyEvent.isEmpty() || !this.interceptors.isEmpty();
	}

	boolean wantOutgoing() {
		return !this.anyOutgoing.isEmpty();
	}

	/**
	 * Queues an event for the handlers, unless the {@link InboundBacklog} drops it.
	 */
	void received(InboundEvent event, Ack ack) {
		if (!this.backlog.admit(event.event())) {
			return;
		}
		this.serial.execute(() -> {
			try {
				observeHandling(event, ack);
			}
			finally {
				this.backlog.handled();
			}
		});
	}

	/**
	 * Keeps an event that nothing would see for {@link #receive}; any thread.
	 * @param event the event
	 */
	void unhandled(InboundEvent event) {
		this.unreceived.add(event);
	}

	/**
	 * Takes the oldest event that no handler took; see {@link UnreceivedEvents#receive}.
	 */
	Optional<InboundEvent> receive(Duration timeout) {
		return this.unreceived.receive(timeout);
	}

	/**
	 * Whether the events waiting for these handlers keep the connection from reading; any thread.
	 * @return whether the backlog is past its limit and not yet half drained
	 */
	boolean pausesReading() {
		return this.backlog.isPausing();
	}

	void sent(OutboundEvent event, Arguments arguments) {
		this.serial.execute(() -> {
			for (AnyEventHandler handler : this.anyOutgoing) {
				invoke(event.event(), () -> handler.handle(event.event(), arguments, Ack.NONE));
			}
		});
	}

	void connected() {
		if (!this.connect.isEmpty()) {
			this.serial.execute(() -> {
				for (Runnable handler : this.connect) {
					invoke("connect", handler::run);
				}
			});
		}
	}

	void disconnected(DisconnectReason reason) {
		this.serial.execute(() -> {
			for (Consumer<DisconnectReason> handler : this.disconnect) {
				invoke("disconnect", () -> handler.accept(reason));
			}
		});
	}

	void connectFailed(SocketIoConnectException failure) {
		this.serial.execute(() -> {
			for (Consumer<SocketIoConnectException> handler : this.connectError) {
				invoke("connect_error", () -> handler.accept(failure));
			}
		});
	}

	/**
	 * Handles an event inside its observation, if any, so that a trace context is current in the
	 * interceptors and the handlers.
	 */
	private void observeHandling(InboundEvent event, Ack ack) {
		if (this.observations == null) {
			handle(event, ack, null);
			return;
		}
		Observation observation = this.observations.handle(this.namespace, event.event()).start();
		try (Observation.Scope scope = observation.openScope()) {
			handle(event, ack, observation);
		}
		catch (RuntimeException | Error ex) {
			EventObservations.record(observation, SocketIoEventContext.ERROR, ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Runs the interceptors and the handlers of an event, and records how it went in its
	 * observation, if any.
	 */
	private void handle(InboundEvent received, Ack ack, @Nullable Observation observation) {
		InboundEvent event = received;
		for (SocketIoInterceptor interceptor : this.interceptors) {
			event = interceptor.beforeHandle(event);
			if (event == null) {
				EventObservations.record(observation, SocketIoEventContext.DROPPED, null);
				return;
			}
		}
		InboundEvent handled = event;
		long started = System.nanoTime();
		Throwable error = null;
		for (AnyEventHandler handler : this.anyEvent) {
			error = firstError(error, invoke(handled.event(), () -> handler.handle(handled.event(), handled.arguments(), ack)));
		}
		List<EventHandler> list = this.events.get(handled.event());
		if (list != null) {
			for (EventHandler handler : list) {
				error = firstError(error, invoke(handled.event(), () -> handler.handle(handled.arguments(), ack)));
			}
		}
		else if (this.anyEvent.isEmpty()) {
			this.unreceived.add(handled);
		}
		for (SocketIoInterceptor interceptor : this.interceptors) {
			interceptor.afterHandle(handled, error);
		}
		if (list != null || !this.anyEvent.isEmpty()) {
			this.host.observers().handled(this.namespace, handled.event(), System.nanoTime() - started, error);
		}
		EventObservations.record(observation, (error != null) ? SocketIoEventContext.ERROR : SocketIoEventContext.OK,
				error);
	}

	private static @Nullable Throwable firstError(@Nullable Throwable first, @Nullable Throwable next) {
		return (first != null) ? first : next;
	}

	private @Nullable Throwable invoke(String event, ThrowingRunnable handler) {
		try {
			handler.run();
			return null;
		}
		catch (Throwable ex) {
			logger.error("A handler of event '" + event + "' in namespace '" + this.namespace + "' failed", ex);
			return ex;
		}
	}

	@FunctionalInterface
	private interface ThrowingRunnable {

		void run() throws Exception;

	}

}
