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
package io.github.springsocketio.client.transport;

import org.springframework.util.ClassUtils;

/**
 * Whether the {@code NETTY} WebSocket stack can run: Netty is optional on the class path, and
 * this class names none of its types, so that asking does not load them.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class NettyClassPath {

	/** What to do when the {@code NETTY} stack is asked for without Netty. */
	public static final String MISSING = "The NETTY WebSocket stack needs Netty's WebSocket client on the class path: "
			+ "add io.netty:netty-codec-http (4.2, as Spring Boot's dependency management has it), "
			+ "or use WebSocketImplementation.JDK (which needs nothing more)";

	/** What to do when the {@code NETTY} stack is to go through a proxy without Netty's proxy handlers. */
	public static final String PROXY_MISSING = "The NETTY WebSocket stack goes through a proxy with Netty's proxy "
			+ "handlers on the class path: add io.netty:netty-handler-proxy (4.2), or use WebSocketImplementation.JDK";

	private NettyClassPath() {
	}

	/**
	 * Whether Netty 4.2's WebSocket client is on the class path.
	 * @return whether it is
	 */
	public static boolean isPresent() {
		ClassLoader classLoader = NettyClassPath.class.getClassLoader();
		return ClassUtils.isPresent("io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler", classLoader)
				&& ClassUtils.isPresent("io.netty.channel.MultiThreadIoEventLoopGroup", classLoader);
	}

	/**
	 * Whether Netty's HTTP and SOCKS proxy handlers are on the class path.
	 * @return whether they are
	 */
	public static boolean isProxyPresent() {
		return ClassUtils.isPresent("io.netty.handler.proxy.HttpProxyHandler", NettyClassPath.class.getClassLoader());
	}

}
