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
package io.github.springsocketio.test;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.springsocketio.client.Ack;

/**
 * The acknowledgement a client asked for with an event: sent once, later calls ignored.
 */
final class ClientAck implements Ack {

	private final SocketSender sender;

	private final String namespace;

	private final long ackId;

	private final AtomicBoolean sent = new AtomicBoolean();

	ClientAck(SocketSender sender, String namespace, long ackId) {
		this.sender = sender;
		this.namespace = namespace;
		this.ackId = ackId;
	}

	@Override
	public boolean requested() {
		return true;
	}

	@Override
	public void send(Object... args) {
		if (this.sent.compareAndSet(false, true)) {
			this.sender.ack(this.namespace, this.ackId, args);
		}
	}

}
