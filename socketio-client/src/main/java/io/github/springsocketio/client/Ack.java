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
 * The acknowledgement of a received event.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface Ack {

	/** An acknowledgement for an event that asked for none. */
	Ack NONE = new Ack() {

		@Override
		public boolean requested() {
			return false;
		}

		@Override
		public void send(Object... args) {
		}

	};

	/**
	 * Whether the server asked for an acknowledgement.
	 * @return whether {@link #send} sends anything
	 */
	boolean requested();

	/**
	 * Sends the acknowledgement with the given arguments, at most once: later calls are ignored,
	 * as are calls when the server asked for none.
	 * @param args the arguments
	 */
	void send(Object... args);

}
