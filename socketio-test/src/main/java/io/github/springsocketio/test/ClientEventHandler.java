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

import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.Arguments;

/**
 * Handles an event a client sent to the {@link SocketIoTestServer}, knowing which client sent it.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@FunctionalInterface
public interface ClientEventHandler {

	/**
	 * Handles the event.
	 * @param client the client that sent it
	 * @param args its arguments
	 * @param ack the acknowledgement the client asked for, or one whose {@code requested()} is false
	 */
	void handle(ConnectedClient client, Arguments args, Ack ack);

}
