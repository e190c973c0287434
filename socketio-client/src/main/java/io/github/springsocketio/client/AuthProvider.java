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

import java.util.Map;

/**
 * Supplies the auth payload of a namespace's CONNECT packet; called at every (re)connect of that
 * namespace, so that a token can be refreshed.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@FunctionalInterface
public interface AuthProvider {

	/**
	 * The auth payload for a namespace.
	 * @param namespace the namespace being connected
	 * @return the payload, or {@code null} or an empty map for none
	 */
	Map<String, ?> authFor(String namespace);

}
