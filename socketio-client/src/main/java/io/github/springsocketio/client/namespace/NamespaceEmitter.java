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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.OutboundEvent;
import io.github.springsocketio.client.SendBufferFullException;
import io.github.springsocketio.client.SocketIoException;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketType;
import io.github.springsocketio.observation.SocketIoEventContext;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The emits of a namespace, on the caller's thread: checks them, lets the interceptors change or
 * veto them, encodes them (so that bad arguments fail at once), registers the acknowledgement they
 * wait for, and hands them to the {@link NamespaceOutbox} on the serial executor, or to the
 * {@link RetryQueue} when retries are on.
 */
final class NamespaceEmitter {

	private static final Log logger = LogFactory.getLog(NamespaceEmitter.class);

	private final NamespaceHost host;

	private final String namespace;

	private final AckRegistry acks;

	private final @Nullable RetryQueue retryQueue;

	private final NamespaceOutbox outbox;

	NamespaceEmitter(NamespaceHost host, String namespace, AckRegistry acks, @Nullable RetryQueue retryQueue,
			NamespaceOutbox outbox) {
		this.host = host;
		this.namespace = namespace;
		this.acks = acks;
		this.retryQueue = retryQueue;
		this.outbox = outbox;
	}

	/**
	 * Sends an event without an acknowledgement.
	 * @param volatileEmit whether to drop it when not connected
	 */
	void emit(String event, Object[] args, boolean volatileEmit) {
		EventObservations observations = this.host.options().observations();
		if (observations == null) {
			emitUnobserved(event, args, volatileEmit);
			return;
		}
		Observation observation = observations.emit(this.namespace, event, false).start();
		boolean sent;
		try (Observation.Scope scope = observation.openScope()) {
			sent = emitUnobserved(event, args, volatileEmit);
		}
		catch (RuntimeException ex) {
			EventObservations.end(observation, SocketIoEventContext.ERROR, ex);
			throw ex;
		}
		EventObservations.end(observation, sent ? SocketIoEventContext.OK : SocketIoEventContext.VETOED, null);
	}

	/**
	 * Sends an event without an acknowledgement, unobserved.
	 * @return false when an interceptor vetoed it
	 */
	private boolean emitUnobserved(String event, Object[] args, boolean volatileEmit) {
		OutboundEvent outbound = prepare(event, args);
		if (outbound == null) {
			return false;
		}
		if (this.retryQueue != null && !volatileEmit) {
			retry(outbound, this.host.options().ackTimeout()).exceptionally((failure) -> {
				logger.warn("Giving up the emit of '" + event + "' in namespace '" + this.namespace + "': "
						+ failure.getMessage());
				return null;
			});
			return true;
		}
		OutgoingEmit emit = new OutgoingEmit(encode(outbound, SocketPacket.NO_ACK), outbound, null);
		if (volatileEmit) {
			if (this.outbox.isOpen()) {
				long size = emit.encoded().size();
				try {
					this.host.reserveOutbound(size);
				}
				catch (SendBufferFullException ex) {
					logger.debug("Dropped a volatile emit of '" + event + "': the send buffer is full");
					return true;
				}
				this.host.serial().executeHere(() -> {
					try {
						this.outbox.sendIfOpen(emit);
					}
					finally {
						this.host.releaseOutbound(size);
					}
				});
			}
			return true;
		}
		send(emit);
		return true;
	}

	/**
	 * Sends an event with an ack id.
	 * @param blockingCaller whether only a caller blocked in {@link #awaitFirst} waits for the
	 * future, which may then be completed on the I/O thread without a hand-off to the handler executor
	 * @return the acknowledgement's arguments
	 */
	CompletableFuture<Arguments> emitWithAck(String event, Duration timeout, boolean blockingCaller, Object[] args) {
		EventObservations observations = this.host.options().observations();
		if (observations == null) {
			return emitWithAckUnobserved(event, timeout, blockingCaller, args);
		}
		Observation observation = observations.emit(this.namespace, event, true).start();
		CompletableFuture<Arguments> reply;
		try (Observation.Scope scope = observation.openScope()) {
			reply = emitWithAckUnobserved(event, timeout, blockingCaller, args);
		}
		catch (RuntimeException ex) {
			EventObservations.end(observation, SocketIoEventContext.ERROR, ex);
			throw ex;
		}
		EventObservations.stopOnReply(observation, reply);
		return reply;
	}

	private CompletableFuture<Arguments> emitWithAckUnobserved(String event, Duration timeout,
			boolean blockingCaller, Object[] args) {
		OutboundEvent outbound = prepare(event, args);
		if (outbound == null) {
			return CompletableFuture.failedFuture(new EventObservations.VetoedEmitException(event));
		}
		if (this.retryQueue != null) {
			return retry(outbound, timeout);
		}
		EmitAck ack = new EmitAck(this.host, this.outbox, this.namespace, this.acks, timeout, blockingCaller);
		send(new OutgoingEmit(encode(outbound, ack.id), outbound, ack));
		return ack.future;
	}

	/**
	 * Waits for an acknowledgement and converts its first argument.
	 * @return the first argument, or {@code null} when the acknowledgement had none
	 */
	static <T> @Nullable T awaitFirst(CompletableFuture<Arguments> reply, Function<Arguments, @Nullable T> first) {
		try {
			Arguments arguments = reply.get();
			return arguments.isEmpty() ? null : first.apply(arguments);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SocketIoException("Interrupted while waiting for an acknowledgement", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof SocketIoException failure) ? failure
					: new SocketIoException("The acknowledgement failed: " + ex.getCause(), ex.getCause());
		}
	}

	/**
	 * Sends an emit: room for it is taken at once, in the bounded buffer of a namespace that is
	 * not connected, or else in the client's send buffer until the connection took it.
	 */
	private void send(OutgoingEmit emit) {
		boolean reserved = !this.outbox.isOpen();
		long size = reserved ? 0 : emit.encoded().size();
		if (reserved) {
			this.outbox.reserve();
		}
		else {
			this.host.reserveOutbound(size);
		}
		if (emit.ack() != null) {
			this.acks.expect(emit.ack().id, emit.ack().timeout, emit.ack());
		}
		this.host.serial().executeHere(() -> {
			try {
				this.outbox.sendOrKeep(emit, reserved);
			}
			finally {
				this.host.releaseOutbound(size);
			}
		});
	}

	/**
	 * Checks an emit and lets the interceptors change it.
	 * @return the event to send, or {@code null} when an interceptor vetoed it
	 */
	private @Nullable OutboundEvent prepare(String event, Object[] args) {
		Objects.requireNonNull(event, "'event' must not be null");
		if (SocketPacket.RESERVED_EVENTS.contains(event)) {
			throw new IllegalArgumentException("'" + event + "' is a reserved event name and cannot be emitted");
		}
		this.host.checkNotClosed();
		OutboundEvent outbound = new OutboundEvent(this.namespace, event, Arrays.asList(args));
		for (SocketIoInterceptor interceptor : this.host.options().interceptors()) {
			outbound = interceptor.beforeSend(outbound);
			if (outbound == null) {
				logger.debug("An interceptor vetoed the emit of '" + event + "'");
				return null;
			}
		}
		return outbound;
	}

	private CompletableFuture<Arguments> retry(OutboundEvent outbound, Duration timeout) {
		encode(outbound, 0);
		return Objects.requireNonNull(this.retryQueue).add(outbound, timeout);
	}

	/**
	 * Encodes an event, refusing it when the server would.
	 */
	private EncodedPacket encode(OutboundEvent outbound, long ackId) {
		List<Object> payload = new ArrayList<>(outbound.arguments().size() + 1);
		payload.add(outbound.event());
		payload.addAll(outbound.arguments());
		EncodedPacket encoded = this.host.encoder().encode(SocketPacketType.EVENT, this.namespace, ackId, payload);
		this.host.checkSize(encoded);
		return encoded;
	}

}
