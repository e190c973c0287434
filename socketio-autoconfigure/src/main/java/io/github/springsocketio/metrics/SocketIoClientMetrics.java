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
package io.github.springsocketio.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoClientObserver;
import io.github.springsocketio.client.SocketIoConnectException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Micrometer meters of one {@link SocketIoClient}, all tagged {@code client} with the client's
 * name: {@code socketio.client.connected} and {@code socketio.client.send.buffer} (gauges per
 * namespace), {@code socketio.client.connects} ({@code outcome}), {@code socketio.client.disconnects}
 * ({@code reason}), {@code socketio.client.reconnect.attempts},
 * {@code socketio.client.events.received} and {@code socketio.client.events.sent} ({@code event}),
 * {@code socketio.client.events.dropped} ({@code reason}),
 * the timers {@code socketio.client.handler} ({@code event}, {@code exception}) and
 * {@code socketio.client.ack} ({@code outcome}), and {@code socketio.client.bytes.received} and
 * {@code socketio.client.bytes.sent}.
 * <p>
 * The byte counters have no base unit on purpose: their names end in {@code bytes} already, and
 * Prometheus would otherwise add a second {@code _bytes}.
 * <p>
 * The {@code event} tag keeps the first {@code maxEventTags} distinct event names and counts the
 * rest as {@code other}, so that a server sending ever new names cannot fill the registry.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class SocketIoClientMetrics implements MeterBinder {

	/** How many distinct event names are tags by default. */
	public static final int DEFAULT_MAX_EVENT_TAGS = 100;

	/** The {@code event} tag of the names beyond the limit. */
	public static final String OTHER_EVENTS = "other";

	/** The reasons of {@code socketio.client.events.dropped}, as the client reports them. */
	private static final List<String> DROP_REASONS = List.of("overflow", "unreceived");

	private final SocketIoClient client;

	private final String clientName;

	private final int maxEventTags;

	/**
	 * Meters for a client with the default limit of event names.
	 * @param client the client
	 * @param clientName its name, the {@code client} tag
	 */
	public SocketIoClientMetrics(SocketIoClient client, String clientName) {
		this(client, clientName, DEFAULT_MAX_EVENT_TAGS);
	}

	/**
	 * Meters for a client.
	 * @param client the client
	 * @param clientName its name, the {@code client} tag
	 * @param maxEventTags how many distinct event names become {@code event} tags
	 */
	public SocketIoClientMetrics(SocketIoClient client, String clientName, int maxEventTags) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(clientName, "'clientName' must not be empty");
		Assert.isTrue(maxEventTags >= 0, "'maxEventTags' must not be negative");
		this.client = client;
		this.clientName = clientName;
		this.maxEventTags = maxEventTags;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.client.observe(new Recorder(registry));
	}

	/**
	 * Turns what the client reports into meters, created once and kept for the hot paths.
	 */
	private final class Recorder implements SocketIoClientObserver {

		private final MeterRegistry registry;

		private final Tags tags;

		private final Set<String> eventNames = ConcurrentHashMap.newKeySet();

		private final Set<String> namespaces = ConcurrentHashMap.newKeySet();

		private final Counter reconnectAttempts;

		private final LongAdder bytesReceived = new LongAdder();

		private final LongAdder bytesSent = new LongAdder();

		private final Map<String, Map<String, Counter>> received = new ConcurrentHashMap<>();

		private final Map<String, Map<String, Counter>> sent = new ConcurrentHashMap<>();

		private final Map<String, Map<String, Timer>> handled = new ConcurrentHashMap<>();

		private final Map<String, Timer[]> acks = new ConcurrentHashMap<>();

		private final Map<String, Map<String, Counter>> dropped = new ConcurrentHashMap<>();

		Recorder(MeterRegistry registry) {
			this.registry = registry;
			this.tags = Tags.of("client", SocketIoClientMetrics.this.clientName);
			this.reconnectAttempts = Counter.builder("socketio.client.reconnect.attempts")
				.description("Reconnection attempts")
				.tags(this.tags)
				.register(registry);
			FunctionCounter.builder("socketio.client.bytes.received", this.bytesReceived, LongAdder::doubleValue)
				.description("Bytes of Socket.IO packets received")
				.tags(this.tags)
				.register(registry);
			FunctionCounter.builder("socketio.client.bytes.sent", this.bytesSent, LongAdder::doubleValue)
				.description("Bytes of Socket.IO packets sent")
				.tags(this.tags)
				.register(registry);
		}

		@Override
		public void connected(String namespace) {
			connects(namespace, "success");
		}

		@Override
		public void connectFailed(String namespace, SocketIoConnectException failure) {
			connects(namespace, "failure");
		}

		private void connects(String namespace, String outcome) {
			connectsCounter(namespaceTags(namespace), outcome).increment();
		}

		private Counter connectsCounter(Tags namespaceTags, String outcome) {
			return Counter.builder("socketio.client.connects")
				.description("Connects of a namespace, by outcome")
				.tags(namespaceTags)
				.tag("outcome", outcome)
				.register(this.registry);
		}

		@Override
		public void disconnected(String namespace, DisconnectReason reason) {
			disconnectsCounter(namespaceTags(namespace), reason).increment();
		}

		private Counter disconnectsCounter(Tags namespaceTags, DisconnectReason reason) {
			return Counter.builder("socketio.client.disconnects")
				.description("Disconnects of a connected namespace, by reason")
				.tags(namespaceTags)
				.tag("reason", reason.wireName())
				.register(this.registry);
		}

		@Override
		public void reconnectAttempt(int attempt) {
			this.reconnectAttempts.increment();
		}

		@Override
		public void eventReceived(String namespace, String event) {
			eventCounter(this.received, "socketio.client.events.received", "Events received", namespace, event)
				.increment();
		}

		@Override
		public void eventSent(String namespace, String event) {
			eventCounter(this.sent, "socketio.client.events.sent", "Events sent", namespace, event).increment();
		}

		private Counter eventCounter(Map<String, Map<String, Counter>> counters, String name, String description,
				String namespace, String event) {
			return perEvent(counters, namespace, event, (tag) -> Counter.builder(name)
				.description(description)
				.tags(namespaceTags(namespace))
				.tag("event", tag)
				.register(this.registry));
		}

		@Override
		public void eventDropped(String namespace, String event, String reason) {
			this.dropped.computeIfAbsent(namespace, (key) -> new ConcurrentHashMap<>())
				.computeIfAbsent(reason, (key) -> droppedCounter(namespaceTags(namespace), reason))
				.increment();
		}

		private Counter droppedCounter(Tags namespaceTags, String reason) {
			return Counter.builder("socketio.client.events.dropped")
				.description("Received events dropped before any handler saw them, by reason")
				.tags(namespaceTags)
				.tag("reason", reason)
				.register(this.registry);
		}

		@Override
		public void handled(String namespace, String event, long nanos, @Nullable Throwable error) {
			Timer timer = (error != null) ? handlerTimer(namespace, eventTag(event), error.getClass().getSimpleName())
					: perEvent(this.handled, namespace, event, (tag) -> handlerTimer(namespace, tag, "none"));
			timer.record(nanos, TimeUnit.NANOSECONDS);
		}

		private Timer handlerTimer(String namespace, String event, String exception) {
			return Timer.builder("socketio.client.handler")
				.description("Time the handlers of an event took")
				.tags(namespaceTags(namespace))
				.tag("event", event)
				.tag("exception", exception)
				.register(this.registry);
		}

		@Override
		public void acknowledged(String namespace, long nanos, boolean timedOut) {
			Timer[] timers = this.acks.computeIfAbsent(namespace,
					(key) -> new Timer[] { ackTimer(namespace, "ok"), ackTimer(namespace, "timeout") });
			timers[timedOut ? 1 : 0].record(nanos, TimeUnit.NANOSECONDS);
		}

		private Timer ackTimer(String namespace, String outcome) {
			return Timer.builder("socketio.client.ack")
				.description("Time from an emit to its acknowledgement or timeout")
				.tags(namespaceTags(namespace))
				.tag("outcome", outcome)
				.register(this.registry);
		}

		@Override
		public void bytesReceived(long bytes) {
			this.bytesReceived.add(bytes);
		}

		@Override
		public void bytesSent(long bytes) {
			this.bytesSent.add(bytes);
		}

		private <M> M perEvent(Map<String, Map<String, M>> meters, String namespace, String event,
				Function<String, M> create) {
			Map<String, M> byEvent = meters.computeIfAbsent(namespace, (key) -> new ConcurrentHashMap<>());
			M meter = byEvent.get(event);
			if (meter == null) {
				String tag = eventTag(event);
				meter = tag.equals(event) ? byEvent.computeIfAbsent(event, create)
						: byEvent.computeIfAbsent(OTHER_EVENTS, create);
			}
			return meter;
		}

		private String eventTag(String event) {
			if (this.eventNames.contains(event)) {
				return event;
			}
			synchronized (this.eventNames) {
				if (this.eventNames.size() < SocketIoClientMetrics.this.maxEventTags) {
					this.eventNames.add(event);
					return event;
				}
			}
			return OTHER_EVENTS;
		}

		/**
		 * The tags of a namespace's meters; registers its gauges the first time.
		 */
		private Tags namespaceTags(String namespace) {
			Tags namespaceTags = this.tags.and("namespace", namespace);
			if (this.namespaces.add(namespace)) {
				Gauge.builder("socketio.client.connected", SocketIoClientMetrics.this.client,
						(client) -> client.socket(namespace).isConnected() ? 1 : 0)
					.description("1 while the namespace is connected, else 0")
					.tags(namespaceTags)
					.register(this.registry);
				Gauge.builder("socketio.client.send.buffer", SocketIoClientMetrics.this.client,
						(client) -> client.socket(namespace).bufferedEmits())
					.description("Emits waiting in the send buffer for the namespace to connect")
					.tags(namespaceTags)
					.register(this.registry);
				registerAtZero(namespaceTags);
			}
			return namespaceTags;
		}

		/**
		 * Registers the counters of a namespace whose tag values are known in advance, so that a
		 * rate over them sees their first increment (Prometheus cannot tell the first value of a
		 * new series from a counter that was already there).
		 */
		private void registerAtZero(Tags namespaceTags) {
			connectsCounter(namespaceTags, "success");
			connectsCounter(namespaceTags, "failure");
			for (DisconnectReason reason : DisconnectReason.values()) {
				disconnectsCounter(namespaceTags, reason);
			}
			for (String reason : DROP_REASONS) {
				droppedCounter(namespaceTags, reason);
			}
		}

	}

}
