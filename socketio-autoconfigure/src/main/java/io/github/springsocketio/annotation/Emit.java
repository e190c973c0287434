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
 * Marks a method of a {@link SocketIoEmitter} interface as the emit of an event. Each parameter is
 * one argument of the event, in order ({@code byte[]} travels as binary). The return type decides
 * the emit:
 * <ul>
 * <li>{@code void}: the event is sent without asking for an acknowledgement;</li>
 * <li>{@code CompletableFuture<T>} or {@code CompletionStage<T>}: the event asks for an
 * acknowledgement, and the future completes with its first argument converted to {@code T} by
 * Jackson (generics included), with all of them when {@code T} is {@code Arguments}, or with
 * {@code null} when {@code T} is {@code Void};</li>
 * <li>any other {@code T}: the call blocks until the acknowledgement, up to the timeout, and
 * returns its first argument converted to {@code T}.</li>
 * </ul>
 * Failures are unchecked {@code SocketIoException}s ({@code AckTimeoutException},
 * {@code NotConnectedException}, ...), thrown or completing the future.
 *
 * @author springsocketio
 * @since 0.2.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Emit {

	/**
	 * The event's name; the method's name when empty. Resolves {@code ${...}} placeholders.
	 * @return the name
	 */
	String value() default "";

	/**
	 * How long to wait for the acknowledgement, as a duration such as {@code 5s} or
	 * {@code PT5S}; the client's {@code ack-timeout} when empty. Resolves {@code ${...}}
	 * placeholders. Not allowed on a {@code void} method, which waits for nothing.
	 * @return the timeout
	 */
	String timeout() default "";

}
