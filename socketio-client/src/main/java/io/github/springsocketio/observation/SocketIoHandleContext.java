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
 * The context of the observation {@code socketio.client.handle}: the interceptors and handlers of
 * one received event, which run inside it.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public class SocketIoHandleContext extends SocketIoEventContext {

	/**
	 * Creates the context of one received event.
	 * @param clientName the client's name
	 * @param namespace the namespace
	 * @param event the event's name
	 * @param eventTag the event's name as a low-cardinality value
	 */
	public SocketIoHandleContext(String clientName, String namespace, String event, String eventTag) {
		super(clientName, namespace, event, eventTag);
	}

}
