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

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings of every Socket.IO client of the configuration, bound from the environment in one
 * place: the primary client from {@code socketio.client}; each named client under
 * {@code socketio.clients}, which inherits every key it leaves unset from {@code socketio.client}
 * (a map it sets replaces the inherited one whole); and {@code socketio.metrics}. Read where the
 * properties bean cannot be used yet: when the named client beans are registered, and by
 * post-processors.
 *
 * @author springsocketio
 * @since 0.2.0
 */
public final class SocketIoClientSettings {

	/** The name of the primary client. */
	public static final String DEFAULT_CLIENT = "default";

	private final Binder binder;

	private final Set<String> names;

	private final Map<String, SocketIoProperties.Client> clients = new ConcurrentHashMap<>();

	private SocketIoClientSettings(Binder binder) {
		this.binder = binder;
		Set<String> names = new LinkedHashSet<>();
		names.add(DEFAULT_CLIENT);
		names.addAll(binder.bind("socketio.clients", Bindable.mapOf(String.class, SocketIoProperties.Client.class))
			.map(Map::keySet)
			.orElse(Set.of()));
		this.names = Set.copyOf(names);
	}

	/**
	 * Binds the settings of an environment.
	 * @param environment the environment
	 * @return the settings
	 */
	public static SocketIoClientSettings of(Environment environment) {
		return new SocketIoClientSettings(Binder.get(environment));
	}

	/**
	 * The names of the clients: {@code default} first, then the named clients, enabled or not.
	 * @return the names
	 */
	public Set<String> clientNames() {
		return this.names;
	}

	/**
	 * The effective settings of a client.
	 * @param clientName the client's name, {@code default} for the primary client
	 * @return the settings, inheritance applied
	 */
	public SocketIoProperties.Client client(String clientName) {
		return this.clients.computeIfAbsent(clientName, this::resolve);
	}

	/**
	 * The settings of the meters.
	 * @return the settings
	 */
	public SocketIoProperties.Metrics metrics() {
		return this.binder.bindOrCreate("socketio.metrics", SocketIoProperties.Metrics.class);
	}

	/**
	 * The prefix of a client's properties.
	 * @param clientName the client's name
	 * @return {@code socketio.client} for the primary client, {@code socketio.clients.<name>} otherwise
	 */
	public static String prefix(String clientName) {
		return DEFAULT_CLIENT.equals(clientName) ? "socketio.client" : "socketio.clients." + clientName;
	}

	private SocketIoProperties.Client resolve(String clientName) {
		SocketIoProperties.Client client = this.binder.bindOrCreate("socketio.client", SocketIoProperties.Client.class);
		if (DEFAULT_CLIENT.equals(clientName)) {
			return client;
		}
		String prefix = prefix(clientName);
		Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
		if (this.binder.bind(prefix + ".auth", map).isBound()) {
			client.setAuth(new LinkedHashMap<>());
		}
		if (this.binder.bind(prefix + ".headers", map).isBound()) {
			client.setHeaders(new LinkedHashMap<>());
		}
		if (this.binder.bind(prefix + ".query", map).isBound()) {
			client.setQuery(new LinkedHashMap<>());
		}
		this.binder.bind(prefix, Bindable.ofInstance(client));
		return client;
	}

}
