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

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketPacketType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The acknowledgement of a server event: sent once, later calls ignored; any thread.
 */
final class ServerAck implements Ack {

	private static final Log logger = LogFactory.getLog(ServerAck.class);

	private final NamespaceHost host;

	private final NamespaceOutbox outbox;

	private final String namespace;

	private final long ackId;

	private final AtomicBoolean sent = new AtomicBoolean();

	ServerAck(NamespaceHost host, NamespaceOutbox outbox, String namespace, long ackId) {
		this.host = host;
		this.outbox = outbox;
		this.namespace = namespace;
		this.ackId = ackId;
	}

	@Override
	public boolean requested() {
		return true;
	}

	@Override
	public void send(Object... args) {
		if (!this.sent.compareAndSet(false, true)) {
			logger.debug("Ignoring a second acknowledgement of ack id " + this.ackId);
			return;
		}
		EncodedPacket packet = this.host.encoder()
			.encode(SocketPacketType.ACK, this.namespace, this.ackId, Arrays.asList(args));
		this.host.checkSize(packet);
		this.host.serial().executeHere(() -> this.outbox.sendAck(packet));
	}

}
