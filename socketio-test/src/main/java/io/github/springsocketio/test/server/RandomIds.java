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

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session and socket ids: 20 URL-safe characters, as engine.io's.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class RandomIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomIds() {
	}

	/**
	 * A new id.
	 * @return the id
	 */
	public static String next() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
