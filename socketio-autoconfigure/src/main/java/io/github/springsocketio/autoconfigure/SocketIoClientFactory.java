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
package io.github.springsocketio.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.github.springsocketio.client.AuthProvider;
import io.github.springsocketio.client.Redaction;
import io.github.springsocketio.client.Reconnection;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.WebSocketImplementation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Socket.IO clients of the configuration from their {@link SocketIoClientSettings}:
 * hands each setting to the client's builder, which validates it, and names the property in the
 * error when it is refused; applies the application's JSON mapper, SSL bundle, auth provider,
 * interceptors, executor and customizers.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class SocketIoClientFactory {

	/** The name of the primary client. */
	public static final String DEFAULT_CLIENT = SocketIoClientSettings.DEFAULT_CLIENT;

	private final SocketIoClientSettings settings;

	private final ObjectProvider<JsonMapper> jsonMapper;

	private final ObjectProvider<SslBundles> sslBundles;

	private final ObjectProvider<AuthProvider> authProvider;

	private final ObjectProvider<SocketIoInterceptor> interceptors;

	private final ObjectProvider<SocketIoClientCustomizer> customizers;

	private final @Nullable Executor handlerExecutor;

	/**
	 * One TLS context per SSL bundle, so that the clients of a bundle share one HTTP client (the
	 * clients share them per context); a reloaded bundle gets a new one.
	 */
	private final Map<String, BundleContext> sslContexts = new ConcurrentHashMap<>();

	/**
	 * Creates the factory.
	 * @param environment the environment the properties come from
	 * @param jsonMapper the application's JSON mapper
	 * @param sslBundles the SSL bundles
	 * @param authProvider an auth provider for clients with no auth in their properties
	 * @param interceptors the interceptors, in order
	 * @param customizers the customizers, in order
	 * @param handlerExecutor the executor that runs handlers, or {@code null} for the client's default
	 */
	public SocketIoClientFactory(Environment environment, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<AuthProvider> authProvider,
			ObjectProvider<SocketIoInterceptor> interceptors, ObjectProvider<SocketIoClientCustomizer> customizers,
			@Nullable Executor handlerExecutor) {
		this.settings = SocketIoClientSettings.of(environment);
		this.jsonMapper = jsonMapper;
		this.sslBundles = sslBundles;
		this.authProvider = authProvider;
		this.interceptors = interceptors;
		this.customizers = customizers;
		this.handlerExecutor = handlerExecutor;
	}

	/**
	 * The bean name of a client.
	 * @param clientName the client's name
	 * @return {@code socketIoClient} for the primary client, {@code <name>SocketIoClient} otherwise
	 */
	public static String beanName(String clientName) {
		return DEFAULT_CLIENT.equals(clientName) ? "socketIoClient" : clientName + "SocketIoClient";
	}

	/**
	 * The client name of a client bean: the reverse of {@link #beanName(String)}, or the bean
	 * name itself for a client bean the application defined under another name.
	 * @param beanName the bean name
	 * @return the client's name
	 */
	public static String clientName(String beanName) {
		if (beanName.equals("socketIoClient")) {
			return DEFAULT_CLIENT;
		}
		return (beanName.endsWith("SocketIoClient") && beanName.length() > "SocketIoClient".length())
				? beanName.substring(0, beanName.length() - "SocketIoClient".length()) : beanName;
	}

	/**
	 * The names of the clients of the configuration: {@code default} first, then the named ones.
	 * @return the names
	 */
	public Set<String> clientNames() {
		return this.settings.clientNames();
	}

	/**
	 * The effective settings of a client.
	 * @param clientName the client's name
	 * @return the settings
	 */
	public SocketIoProperties.Client settings(String clientName) {
		return this.settings.client(clientName);
	}

	/**
	 * Builds a client; it does not connect.
	 * @param clientName the client's name, {@code default} for the primary client
	 * @return the client
	 */
	public SocketIoClient create(String clientName) {
		SocketIoProperties.Client client = settings(clientName);
		String prefix = SocketIoClientSettings.prefix(clientName);
		SocketIoClient.Builder builder = valid(prefix + ".url", Redaction.text(client.getUrl()),
				() -> SocketIoClient.builder(requiredUrl(prefix, client.getUrl())));
		valid(prefix + ".transports", client.getTransports(),
				() -> builder.transports(client.getTransports().toArray(Transport[]::new)));
		builder.name(clientName);
		builder.upgrade(client.isUpgrade());
		WebSocketImplementation implementation = client.getWebsocketImplementation();
		if (implementation != null) {
			builder.webSocketImplementation(implementation);
		}
		valid(prefix + ".protocol", client.getProtocol(), () -> builder.protocol(client.getProtocol()));
		valid(prefix + ".path", client.getPath(), () -> builder.path(client.getPath()));
		valid(prefix + ".namespaces", client.getNamespaces(),
				() -> builder.namespaces(client.getNamespaces().toArray(String[]::new)));
		valid(prefix + ".connect-timeout", client.getConnectTimeout(),
				() -> builder.connectTimeout(client.getConnectTimeout()));
		valid(prefix + ".ack-timeout", client.getAckTimeout(), () -> builder.ackTimeout(client.getAckTimeout()));
		valid(prefix + ".retries", client.getRetries(), () -> builder.retries(client.getRetries()));
		builder.reconnection(reconnection(prefix + ".reconnection", client.getReconnection()));
		valid(prefix + ".send-buffer.max-packets", client.getSendBuffer().getMaxPackets(),
				() -> builder.sendBufferMaxPackets(client.getSendBuffer().getMaxPackets()));
		valid(prefix + ".send-buffer.max-bytes", client.getSendBuffer().getMaxBytes(),
				() -> builder.sendBufferMaxBytes(client.getSendBuffer().getMaxBytes().toBytes()));
		valid(prefix + ".inbound.max-pending-events", client.getInbound().getMaxPendingEvents(),
				() -> builder.maxPendingInboundEvents(client.getInbound().getMaxPendingEvents()));
		valid(prefix + ".inbound.overflow", client.getInbound().getOverflow(),
				() -> builder.inboundOverflow(client.getInbound().getOverflow()));
		valid(prefix + ".max-inbound-message-size", client.getMaxInboundMessageSize(),
				() -> builder.maxInboundMessageSize(client.getMaxInboundMessageSize().toBytes()));
		Duration shutdownTimeout = client.getShutdownTimeout();
		if (shutdownTimeout == null || shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".shutdown-timeout", shutdownTimeout,
					"It must be a positive duration, e.g. 5s");
		}
		client.getHeaders().forEach(builder::header);
		client.getQuery().forEach(builder::query);
		if (!client.getAuth().isEmpty()) {
			builder.auth(client.getAuth());
		}
		else {
			this.authProvider.ifAvailable(builder::auth);
		}
		String bundle = client.getSsl().getBundle();
		if (bundle != null) {
			builder.sslContext(sslContext(prefix + ".ssl.bundle", bundle));
		}
		this.jsonMapper.ifAvailable(builder::jsonMapper);
		if (this.handlerExecutor != null) {
			builder.handlerExecutor(this.handlerExecutor);
		}
		this.interceptors.orderedStream().forEach(builder::interceptor);
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(clientName, builder));
		return builder.build();
	}

	/**
	 * Applies a setting, naming its property when the builder refuses it.
	 */
	private static <T> T valid(String property, @Nullable Object value, Supplier<T> apply) {
		try {
			return apply.get();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
		}
	}

	private static String requiredUrl(String prefix, @Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".url", url,
					"The Socket.IO server's URL is required: set " + prefix + ".url, e.g. to http://localhost:3000, or "
							+ "set socketio.client.enabled=false");
		}
		return url;
	}

	private static Reconnection reconnection(String prefix, SocketIoProperties.Reconnection settings) {
		if (!settings.isEnabled()) {
			return Reconnection.disabled();
		}
		// The first call can only refuse the delay itself; the second, the maximum delay against it.
		valid(prefix + ".delay", settings.getDelay(),
				() -> Reconnection.exponential(settings.getDelay(), settings.getDelay()));
		Reconnection exponential = valid(prefix + ".max-delay", settings.getMaxDelay(),
				() -> Reconnection.exponential(settings.getDelay(), settings.getMaxDelay()));
		Reconnection limited = valid(prefix + ".attempts", settings.getAttempts(),
				() -> exponential.withAttempts(settings.getAttempts()));
		return valid(prefix + ".randomization-factor", settings.getRandomizationFactor(),
				() -> limited.withRandomizationFactor(settings.getRandomizationFactor()));
	}

	private SSLContext sslContext(String property, String bundle) {
		SslBundles bundles = this.sslBundles.getIfAvailable();
		try {
			if (bundles == null) {
				throw new NoSuchSslBundleException(bundle, "No SSL bundles are configured");
			}
			SslBundle current = bundles.getBundle(bundle);
			return this.sslContexts.compute(bundle, (name, known) -> (known != null && known.bundle() == current) ? known
					: new BundleContext(current, current.createSslContext())).context();
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(property, bundle,
					"There is no SSL bundle named '" + bundle + "': define it under spring.ssl.bundle");
		}
	}

	private record BundleContext(SslBundle bundle, SSLContext context) {

	}

}
