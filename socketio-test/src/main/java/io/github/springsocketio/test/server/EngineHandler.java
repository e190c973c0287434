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
 * What the layer above Engine.IO does with sessions: told of each new one, it returns the
 * listener of that session's messages.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@FunctionalInterface
public interface EngineHandler {

	/**
	 * A client opened a session; called before any of its messages.
	 * @param session the session
	 * @return the listener of its messages and of its end
	 */
	EngineListener opened(EngineSession session);

}
