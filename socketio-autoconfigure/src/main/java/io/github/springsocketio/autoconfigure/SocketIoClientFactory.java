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

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.github.springsocketio.client.AuthProvider;
import io.github.springsocketio.client.Reconnection;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoInterceptor;
import io.github.springsocketio.client.Transport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Socket.IO clients of the configuration: resolves a named client's settings (every
 * key it leaves unset inherited from {@code socketio.client}, a map it sets replacing the
 * inherited one whole), validates them with messages that name the property, and applies the
 * application's JSON mapper, SSL bundle, auth provider, interceptors, executor and customizers.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public class SocketIoClientFactory {

	/** The name of the primary client. */
	public static final String DEFAULT_CLIENT = "default";

	private final Environment environment;

	private final ObjectProvider<JsonMapper> jsonMapper;

	private final ObjectProvider<SslBundles> sslBundles;

	private final ObjectProvider<AuthProvider> authProvider;

	private final ObjectProvider<SocketIoInterceptor> interceptors;

	private final ObjectProvider<SocketIoClientCustomizer> customizers;

	private final @Nullable Executor handlerExecutor;

	private final Map<String, SocketIoProperties.Client> settings = new ConcurrentHashMap<>();

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
		this.environment = environment;
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
	 * The names of the named clients of the configuration.
	 * @param environment the environment
	 * @return the names
	 */
	public static Set<String> namedClients(Environment environment) {
		return Binder.get(environment)
			.bind("socketio.clients", Bindable.mapOf(String.class, SocketIoProperties.Client.class))
			.map(Map::keySet)
			.orElse(Set.of());
	}

	/**
	 * The effective settings of a client.
	 * @param clientName the client's name
	 * @return the settings
	 */
	public SocketIoProperties.Client settings(String clientName) {
		return this.settings.computeIfAbsent(clientName, this::resolve);
	}

	/**
	 * Builds a client; it does not connect.
	 * @param clientName the client's name, {@code default} for the primary client
	 * @return the client
	 */
	public SocketIoClient create(String clientName) {
		SocketIoProperties.Client client = settings(clientName);
		String prefix = prefix(clientName);
		SocketIoClient.Builder builder;
		try {
			builder = SocketIoClient.builder(validUrl(prefix, client.getUrl()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".url", client.getUrl(), ex.getMessage());
		}
		builder.transports(client.getTransports().toArray(Transport[]::new))
			.upgrade(client.isUpgrade())
			.webSocketImplementation(client.getWebsocketImplementation())
			.path(client.getPath())
			.namespaces(client.getNamespaces().toArray(String[]::new))
			.connectTimeout(positive(prefix + ".connect-timeout", client.getConnectTimeout()))
			.ackTimeout(positive(prefix + ".ack-timeout", client.getAckTimeout()))
			.retries(notNegative(prefix + ".retries", client.getRetries()))
			.reconnection(reconnection(prefix + ".reconnection", client.getReconnection()))
			.sendBufferMaxPackets(notNegative(prefix + ".send-buffer.max-packets", client.getSendBuffer().getMaxPackets()))
			.maxInboundMessageSize(positive(prefix + ".max-inbound-message-size", client.getMaxInboundMessageSize().toBytes()));
		positive(prefix + ".shutdown-timeout", client.getShutdownTimeout());
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

	private SocketIoProperties.Client resolve(String clientName) {
		Binder binder = Binder.get(this.environment);
		SocketIoProperties.Client client = binder.bindOrCreate("socketio.client", SocketIoProperties.Client.class);
		if (DEFAULT_CLIENT.equals(clientName)) {
			return client;
		}
		String prefix = prefix(clientName);
		Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
		if (binder.bind(prefix + ".auth", map).isBound()) {
			client.setAuth(new LinkedHashMap<>());
		}
		if (binder.bind(prefix + ".headers", map).isBound()) {
			client.setHeaders(new LinkedHashMap<>());
		}
		if (binder.bind(prefix + ".query", map).isBound()) {
			client.setQuery(new LinkedHashMap<>());
		}
		binder.bind(prefix, Bindable.ofInstance(client));
		return client;
	}

	private static String prefix(String clientName) {
		return DEFAULT_CLIENT.equals(clientName) ? "socketio.client" : "socketio.clients." + clientName;
	}

	private static String validUrl(String prefix, @Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".url", url,
					"The Socket.IO server's URL is required: set " + prefix + ".url, e.g. to http://localhost:3000, or "
							+ "set socketio.client.enabled=false");
		}
		String scheme = URI.create(url.trim()).getScheme();
		if (scheme == null || !Set.of("http", "https", "ws", "wss").contains(scheme.toLowerCase(Locale.ROOT))) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".url", url,
					"The scheme must be http, https, ws or wss");
		}
		return url;
	}

	private static Reconnection reconnection(String prefix, SocketIoProperties.Reconnection settings) {
		if (!settings.isEnabled()) {
			return Reconnection.disabled();
		}
		Duration delay = positive(prefix + ".delay", settings.getDelay());
		Duration maxDelay = positive(prefix + ".max-delay", settings.getMaxDelay());
		if (maxDelay.compareTo(delay) < 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".max-delay", maxDelay,
					"It must not be shorter than " + prefix + ".delay (" + delay + ")");
		}
		if (settings.getAttempts() < -1) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".attempts", settings.getAttempts(),
					"Use -1 for unlimited attempts, or a count from 0");
		}
		double factor = settings.getRandomizationFactor();
		if (!(factor >= 0 && factor <= 1)) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".randomization-factor", factor,
					"It must be between 0 and 1");
		}
		return Reconnection.exponential(delay, maxDelay).withAttempts(settings.getAttempts()).withRandomizationFactor(factor);
	}

	private javax.net.ssl.SSLContext sslContext(String property, String bundle) {
		SslBundles bundles = this.sslBundles.getIfAvailable();
		try {
			if (bundles == null) {
				throw new NoSuchSslBundleException(bundle, "No SSL bundles are configured");
			}
			return bundles.getBundle(bundle).createSslContext();
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(property, bundle,
					"There is no SSL bundle named '" + bundle + "': define it under spring.ssl.bundle");
		}
	}

	private static Duration positive(String property, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, duration, "It must be a positive duration, e.g. 10s");
		}
		return duration;
	}

	private static long positive(String property, long value) {
		if (value <= 0) {
			throw new InvalidConfigurationPropertyValueException(property, value, "It must be positive, e.g. 16MB");
		}
		return value;
	}

	private static int notNegative(String property, int value) {
		if (value < 0) {
			throw new InvalidConfigurationPropertyValueException(property, value, "It must not be negative");
		}
		return value;
	}

}
