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
 * Marks a method that handles exceptions thrown by Socket.IO handler methods: in a
 * {@link SocketIoListener} bean for its own handlers, in a {@link SocketIoAdvice} bean for all.
 * The most specific exception type wins, the listener's own handlers before the advice's. The
 * method may take the exception, and whatever handler methods may take; a non-void return value
 * is sent as the acknowledgement when the server asked for one.
 *
 * @author springsocketio
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SocketIoExceptionHandler {

	/**
	 * The exception types handled; the method's exception parameter type when empty.
	 * @return the types
	 */
	Class<? extends Throwable>[] value() default {};

}
