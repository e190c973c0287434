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

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event loops of the {@code NETTY} WebSocket stack: one group for every client of the JVM,
 * one thread per core, so that the thread count does not grow with the connections. Netty is
 * optional on the class path: {@link NettyClassPath} tells whether it is there before this class
 * is touched.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class NettyEventLoops {

	private final EventLoopGroup group;

	private NettyEventLoops(EventLoopGroup group) {
		this.group = group;
	}

	/**
	 * Creates the event loops.
	 * @return them
	 */
	public static NettyEventLoops create() {
		int threads = Runtime.getRuntime().availableProcessors();
		return new NettyEventLoops(new MultiThreadIoEventLoopGroup(threads,
				new DefaultThreadFactory("socketio-netty", true), NioIoHandler.newFactory()));
	}

	EventLoopGroup group() {
		return this.group;
	}

	/**
	 * Stops the event loops once their connections are closed; waits a little for their threads.
	 */
	public void shutdown() {
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
	}

}
