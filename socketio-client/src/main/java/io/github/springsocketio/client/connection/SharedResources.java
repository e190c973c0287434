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
package io.github.springsocketio.client.connection;

import java.lang.reflect.Method;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinPool.ForkJoinWorkerThreadFactory;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import io.github.springsocketio.client.transport.NettyClassPath;
import io.github.springsocketio.client.transport.NettyEventLoops;
import io.github.springsocketio.client.transport.StandardWebSocketClients;
import io.github.springsocketio.client.transport.UpgradeResponseCookies;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * The threads, HTTP clients and JSR-356 container that all clients of a JVM share, so that the thread
 * count does not grow with the number of clients. Created when the first client is built and
 * shut down when the last one is closed, so that no thread of ours outlives the clients.
 */
final class SharedResources {

	private static final Log logger = LogFactory.getLog(SharedResources.class);

	private static final Duration HTTP_CLIENT_TERMINATION = Duration.ofSeconds(1);

	private static final Duration BLOCKING_TASKS_TERMINATION = Duration.ofSeconds(3);

	private static SharedResources current;

	private static int users;

	/** Timers: heartbeats, ack timeouts, connect timeouts, reconnect delays. */
	final ScheduledThreadPoolExecutor scheduler;

	/** Runs the serial executors of the connections; its tasks never block. */
	final ExecutorService eventLoop;

	/** Runs what may block: WebSocket connects and sends. */
	final ThreadPoolExecutor blocking;

	/** Runs handlers when the application gave no executor. */
	final ExecutorService handlers;

	/** The default clients of the SPRING stack; created when first asked for. */
	private @Nullable StandardWebSocketClients standardWebSocketClients;

	/** The event loops of the NETTY stack; created when first asked for. */
	private @Nullable NettyEventLoops nettyEventLoops;

	/**
	 * HTTP clients for long-polling and the JDK WebSocket, one per TLS context and proxy (each has a
	 * selector thread), with how many connectors use each; guarded by this.
	 */
	private final Map<HttpSettings, SharedHttpClient> httpClients = new HashMap<>();

	/** The cookie handler of every shared HTTP client: it keeps the cookies of WebSocket upgrades. */
	private final UpgradeResponseCookies upgradeResponseCookies = new UpgradeResponseCookies();

	private SharedResources() {
		this.scheduler = new ScheduledThreadPoolExecutor(1, threads("socketio-timer-"));
		this.scheduler.setRemoveOnCancelPolicy(true);
		int cores = Runtime.getRuntime().availableProcessors();
		this.eventLoop = pool(Math.max(2, cores), "socketio-event-");
		this.blocking = pool(Math.max(8, cores * 4), "socketio-io-");
		this.handlers = handlerExecutor(Math.max(16, cores * 8));
	}

	/**
	 * A default client of the SPRING stack, over the JSR-356 container all of them share.
	 * @param sslContext the TLS context, or {@code null} for the default
	 * @return the client
	 * @throws IllegalStateException when the class path has no JSR-356 implementation
	 */
	synchronized WebSocketClient standardWebSocketClient(@Nullable SSLContext sslContext) {
		if (this.standardWebSocketClients == null) {
			if (!StandardWebSocketClients.isAvailable()) {
				throw new IllegalStateException(StandardWebSocketClients.MISSING);
			}
			this.standardWebSocketClients = StandardWebSocketClients.create();
		}
		return this.standardWebSocketClients.newClient(this.blocking, sslContext);
	}

	/**
	 * The event loops of the NETTY stack, which all its connections share.
	 * @return the event loops
	 * @throws IllegalStateException when Netty is not on the class path
	 */
	synchronized NettyEventLoops nettyEventLoops() {
		if (this.nettyEventLoops == null) {
			if (!NettyClassPath.isPresent()) {
				throw new IllegalStateException(NettyClassPath.MISSING);
			}
			this.nettyEventLoops = NettyEventLoops.create();
		}
		return this.nettyEventLoops;
	}

	/**
	 * The HTTP client for a TLS context and a proxy, shared by the connectors that ask for the same
	 * ones; each call is matched by a {@link #releaseHttpClient} once the connector is done.
	 * @param sslContext the TLS context, or {@code null} for the default
	 * @param proxy the proxy selector, or {@code null} for none
	 * @return the shared client
	 */
	synchronized HttpClient httpClient(@Nullable SSLContext sslContext, @Nullable ProxySelector proxy) {
		SharedHttpClient shared = this.httpClients.computeIfAbsent(new HttpSettings(sslContext, proxy),
				(settings) -> new SharedHttpClient(newHttpClient(sslContext, proxy)));
		shared.users++;
		return shared.client;
	}

	/**
	 * A connector is done with the HTTP client of a TLS context and a proxy: the last one shuts it down.
	 * @param sslContext the TLS context, or {@code null} for the default
	 * @param proxy the proxy selector, or {@code null} for none
	 */
	void releaseHttpClient(@Nullable SSLContext sslContext, @Nullable ProxySelector proxy) {
		HttpClient unused;
		synchronized (this) {
			HttpSettings settings = new HttpSettings(sslContext, proxy);
			SharedHttpClient shared = this.httpClients.get(settings);
			if (shared == null || --shared.users > 0) {
				return;
			}
			this.httpClients.remove(settings);
			unused = shared.client;
		}
		shutDown(unused);
	}

	private HttpClient newHttpClient(@Nullable SSLContext sslContext, @Nullable ProxySelector proxy) {
		// No connectTimeout: Java 17 keeps each connection's connect timer, and with it the client and its
		// selector thread, until the timer expires, long after close. Every request has a timeout of its
		// own, which bounds the connect too.
		HttpClient.Builder builder = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(this.upgradeResponseCookies)
			.executor(this.blocking);
		if (sslContext != null) {
			builder.sslContext(sslContext);
		}
		if (proxy != null) {
			builder.proxy(proxy);
		}
		return builder.build();
	}

	static synchronized SharedResources acquire() {
		if (current == null) {
			current = new SharedResources();
		}
		users++;
		return current;
	}

	void release() {
		synchronized (SharedResources.class) {
			if (current != this || --users > 0) {
				return;
			}
			current = null;
		}
		this.scheduler.shutdownNow();
		this.eventLoop.shutdown();
		this.blocking.shutdown();
		this.handlers.shutdown();
		// A Tomcat connect still running would register Tomcat's I/O threads again after the
		// container is destroyed, and they would never stop: let the connects end first (bounded).
		awaitTermination(this.blocking, BLOCKING_TASKS_TERMINATION);
		List<HttpClient> unused;
		synchronized (this) {
			unused = this.httpClients.values().stream().map((shared) -> shared.client).toList();
			this.httpClients.clear();
		}
		unused.forEach(SharedResources::shutDown);
		synchronized (this) {
			if (this.standardWebSocketClients != null) {
				this.standardWebSocketClients.destroy();
			}
			if (this.nettyEventLoops != null) {
				this.nettyEventLoops.shutdown();
			}
		}
		logger.debug("Released the shared threads of the Socket.IO clients");
	}

	private static void awaitTermination(ExecutorService executor, Duration limit) {
		try {
			if (!executor.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.debug("Blocking tasks of the Socket.IO clients still run after " + limit.toMillis() + " ms");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops an HTTP client's selector thread. On Java 21+ with {@code shutdownNow()}, which aborts
	 * what is still in flight: {@code close()} would wait for it, e.g. for a long-poll that
	 * python-engineio holds until its ping timeout after the session closed. On Java 17 the client
	 * has neither, and its thread ends once the client is garbage collected.
	 */
	private static void shutDown(HttpClient client) {
		try {
			HttpClient.class.getMethod("shutdownNow").invoke(client);
			HttpClient.class.getMethod("awaitTermination", Duration.class).invoke(client, HTTP_CLIENT_TERMINATION);
		}
		catch (NoSuchMethodException ex) {
			// Java 17
		}
		catch (ReflectiveOperationException ex) {
			logger.debug("Error while shutting down an HTTP client", ex);
		}
	}

	/** Keys by the identity of the TLS context: Spring Boot shares one per SSL bundle. */
	private record HttpSettings(@Nullable SSLContext sslContext, @Nullable ProxySelector proxy) {

	}

	private static final class SharedHttpClient {

		private final HttpClient client;

		private int users;

		SharedHttpClient(HttpClient client) {
			this.client = client;
		}

	}

	private static ThreadPoolExecutor pool(int size, String prefix) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				threads(prefix));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private static ExecutorService handlerExecutor(int platformThreads) {
		try {
			Method virtual = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
			return (ExecutorService) virtual.invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			return forkJoinPool(platformThreads, "socketio-handler-");
		}
	}

	/**
	 * A pool of at most {@code size} threads that gives new work to the thread that went idle last,
	 * whose caches are still warm. A {@link ThreadPoolExecutor} wakes the one idle longest, so a
	 * stream of received bursts went round all its threads, and received events 8-17 % slower (README,
	 * Performance). It never adds threads beyond {@code size}, not even for a task that blocks.
	 */
	static ForkJoinPool forkJoinPool(int size, String prefix) {
		AtomicInteger count = new AtomicInteger();
		ForkJoinWorkerThreadFactory threads = (pool) -> {
			ForkJoinWorkerThread thread = new ForkJoinWorkerThread(pool) {
			};
			thread.setName(prefix + count.incrementAndGet());
			return thread;
		};
		return new ForkJoinPool(size, threads, SharedResources::uncaught, true, 0, size, 1, (pool) -> true, 30,
				TimeUnit.SECONDS);
	}

	private static void uncaught(Thread thread, Throwable ex) {
		logger.error("Uncaught exception in " + thread.getName(), ex);
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
