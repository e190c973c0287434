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
package io.github.springsocketio.test.server;

/**
 * The messages of one session, delivered one at a time, in order, on a server thread.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public interface EngineListener {

	/**
	 * A text message.
	 * @param text the text
	 */
	void onText(String text);

	/**
	 * A binary message.
	 * @param bytes the bytes
	 */
	void onBinary(byte[] bytes);

	/**
	 * The session ended; no message follows.
	 * @param reason why, e.g. {@code transport close} or {@code ping timeout}
	 */
	void onClose(String reason);

}
