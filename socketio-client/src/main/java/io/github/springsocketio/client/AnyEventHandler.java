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

/**
 * Handles every event of a namespace, with its name.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@FunctionalInterface
public interface AnyEventHandler {

	/**
	 * Handles the event.
	 * @param event the event's name
	 * @param args the event's arguments
	 * @param ack the acknowledgement the server may have asked for (outgoing events: none)
	 * @throws Exception any failure; it is logged and the connection stays up
	 */
	void handle(String event, Arguments args, Ack ack) throws Exception;

}
