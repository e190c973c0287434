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
package io.github.springsocketio.test.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * An Engine.IO v4 server on {@code 127.0.0.1}: an embedded Tomcat with one servlet on
 * {@code /socket.io/} for long-polling and the WebSocket upgrade. Started once per port; a
 * restart is a new instance on the same port.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class EngineServer {

	/** The path the clients use by default. */
	public static final String PATH = "/socket.io/";

	/** Tomcat logs its start and stop at INFO, which would fill every test's output. */
	private static final List<Logger> QUIETED = quietTomcat();

	private final Sessions sessions;

	private final Tomcat tomcat;

	private final Path baseDir;

	private final int port;

	private EngineServer(int port, EngineServerOptions options, EngineHandler handler,
			ScheduledExecutorService scheduler) throws IOException {
		this.sessions = new Sessions(options, handler, scheduler);
		this.baseDir = Files.createTempDirectory("socketio-test-server");
		this.tomcat = new Tomcat();
		this.tomcat.setBaseDir(this.baseDir.toString());
		Connector connector = new Connector("HTTP/1.1");
		connector.setPort(port);
		connector.setProperty("address", "127.0.0.1");
		connector.setProperty("maxThreads", "32");
		connector.setProperty("minSpareThreads", "2");
		this.tomcat.setConnector(connector);
		StandardContext context = (StandardContext) this.tomcat.addContext("", null);
		// Its class loader's leak checks at stop would warn of the test's own threads and JVM options.
		context.setClearReferencesRmiTargets(false);
		context.setClearReferencesThreadLocals(false);
		context.addServletContainerInitializer(new WsSci(), null);
		Wrapper servlet = Tomcat.addServlet(context, "engine.io", new EngineServlet(this.sessions));
		servlet.setAsyncSupported(true);
		context.addServletMappingDecoded(PATH + "*", "engine.io");
		try {
			this.tomcat.start();
		}
		catch (LifecycleException ex) {
			stop();
			throw new IOException("Cannot start the test server on port " + port + ": " + ex.getMessage(), ex);
		}
		int localPort = connector.getLocalPort();
		if (localPort <= 0) {
			stop();
			throw new IOException("Cannot start the test server on port " + port + ": it is in use");
		}
		this.port = localPort;
	}

	/**
	 * Starts a server.
	 * @param port the port, or 0 for a free one
	 * @param options the handshake's values and the limits
	 * @param handler what happens to sessions
	 * @param scheduler runs the heartbeat; the caller owns it
	 * @return the server, accepting connections
	 * @throws IOException when the port cannot be bound
	 */
	public static EngineServer start(int port, EngineServerOptions options, EngineHandler handler,
			ScheduledExecutorService scheduler) throws IOException {
		return new EngineServer(port, options, handler, scheduler);
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Stops accepting connections and drops every session, as a server that goes away does.
	 */
	public void stop() {
		// New requests wait while every session ends on its transport: a held poll gets a close
		// packet, a WebSocket its close frame. Tomcat's stop alone leaves a held poll hanging.
		this.tomcat.getConnector().pause();
		this.sessions.dropAll();
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			// Stopping as far as it goes.
		}
		deleteQuietly(this.baseDir);
	}

	private static List<Logger> quietTomcat() {
		List<Logger> loggers = new ArrayList<>();
		for (String name : List.of("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")) {
			Logger logger = Logger.getLogger(name);
			logger.setLevel(Level.WARNING);
			loggers.add(logger);
		}
		return List.copyOf(loggers);
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory left behind.
		}
	}

}
