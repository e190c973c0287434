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
package io.github.springsocketio.client;

import java.util.Objects;

/**
 * An event received from the server, as interceptors see it.
 *
 * @param namespace the namespace
 * @param event the event's name
 * @param arguments the event's arguments
 * @author springsocketio
 * @since 0.1.0
 */
public record InboundEvent(String namespace, String event, Arguments arguments) {

	/**
	 * Creates an event.
	 * @param namespace the namespace
	 * @param event the event's name
	 * @param arguments the event's arguments
	 */
	public InboundEvent {
		Objects.requireNonNull(namespace, "'namespace' must not be null");
		Objects.requireNonNull(event, "'event' must not be null");
		Objects.requireNonNull(arguments, "'arguments' must not be null");
	}

	/**
	 * A copy with another name.
	 * @param event the name
	 * @return the copy
	 */
	public InboundEvent withEvent(String event) {
		return new InboundEvent(this.namespace, event, this.arguments);
	}

	/**
	 * A copy with other arguments.
	 * @param arguments the arguments
	 * @return the copy
	 */
	public InboundEvent withArguments(Arguments arguments) {
		return new InboundEvent(this.namespace, this.event, arguments);
	}

}
