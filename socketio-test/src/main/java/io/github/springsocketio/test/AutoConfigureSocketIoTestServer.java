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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link SocketIoTestServer} for the application context of a Spring test
 * ({@code @SpringBootTest} and the like): one per context, started before the context (so that a
 * client connecting at startup finds it), closed with it. The server's URL is set as
 * {@code socketio.client.url}, and the server is a bean the test can inject.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureSocketIoTestServer
 * class ChatTests {
 *
 *     &#64;Autowired
 *     SocketIoTestServer server;
 *
 * }
 * </pre>
 *
 * Tests with the same settings share the cached context and so its server: reset what a test
 * changes, or mark it {@code @DirtiesContext}.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureSocketIoTestServer {

	/**
	 * The properties set to the server's URL, e.g. a named client's
	 * {@code socketio.client.clients.orders.url} as well.
	 * @return the property names
	 */
	String[] urlProperties() default "socketio.client.url";

}
