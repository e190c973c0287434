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

/**
 * The context of the observation {@code socketio.client.emit}: one emit, until it was handed to
 * the connection or, when it asked for an acknowledgement, until the acknowledgement or its
 * failure.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public class SocketIoEmitContext extends SocketIoEventContext {

	private final boolean acknowledged;

	/**
	 * Creates the context of one emit.
	 * @param clientName the client's name
	 * @param namespace the namespace
	 * @param event the event's name
	 * @param eventTag the event's name as a low-cardinality value
	 * @param acknowledged whether the emit asks for an acknowledgement
	 */
	public SocketIoEmitContext(String clientName, String namespace, String event, String eventTag,
			boolean acknowledged) {
		super(clientName, namespace, event, eventTag);
		this.acknowledged = acknowledged;
	}

	/**
	 * Whether the emit asks for an acknowledgement, and so lasts until it.
	 * @return whether it does
	 */
	public boolean isAcknowledged() {
		return this.acknowledged;
	}

}
