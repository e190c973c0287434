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
package io.github.springsocketio.aot;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What the client itself reflects on by name at run time: the Java 21 methods it calls where the
 * JVM has them (a virtual thread per handler task; shutting an HTTP client down) while it is
 * compiled for Java 17, and the optional classes whose presence chooses its WebSocket stacks
 * (Netty's WebSocket client and proxy handlers, Tomcat's JSR-356 container), so that a native
 * image answers these checks as the JVM does. Registered in
 * {@code META-INF/spring/aot.factories}. The binding hints of the {@code socketio.*} properties
 * come from Spring Boot's processing of {@code @ConfigurationProperties}.
 *
 * @author springsocketio
 * @since 0.2.0
 */
final class SocketIoRuntimeHints implements RuntimeHintsRegistrar {

	/** The classes whose presence the client checks ({@code ClassUtils.isPresent}). */
	static final List<String> OPTIONAL_CLASSES = List.of(
			"io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler",
			"io.netty.channel.MultiThreadIoEventLoopGroup", "io.netty.handler.proxy.HttpProxyHandler",
			"jakarta.websocket.ContainerProvider", "org.apache.tomcat.websocket.WsWebSocketContainer");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		ReflectionHints reflection = hints.reflection();
		reflection.registerType(Executors.class,
				(type) -> type.withMethod("newVirtualThreadPerTaskExecutor", List.of(), ExecutableMode.INVOKE));
		reflection.registerType(HttpClient.class,
				(type) -> type.withMethod("shutdownNow", List.of(), ExecutableMode.INVOKE)
					.withMethod("awaitTermination", TypeReference.listOf(Duration.class), ExecutableMode.INVOKE));
		for (String name : OPTIONAL_CLASSES) {
			reflection.registerTypeIfPresent(classLoader, name);
		}
	}

}
