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
package io.github.springsocketio.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose {@link Emit} methods send events to one namespace of one Socket.IO
 * client, as Spring's HTTP interface clients send requests. In a Spring Boot application the
 * interfaces in the application's packages become beans, injectable by type, and their namespace is
 * joined like a listener's; elsewhere {@code SocketIoEmitters.create(..)} makes one.
 *
 * @author springsocketio
 * @since 0.2.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SocketIoEmitter {

	/**
	 * The namespace. Resolves {@code ${...}} placeholders.
	 * @return the namespace, {@code /} by default
	 */
	String namespace() default "/";

	/**
	 * The name of the client; empty (or {@code default}) for the primary client. Resolves
	 * {@code ${...}} placeholders.
	 * @return the client's name
	 */
	String client() default "";

}
