package io.github.springsocketio.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs a reference Socket.IO server in a child process ({@code node},
 * {@code python3} or {@code java}) on a free loopback port for the tests of one class. Register it
 * as a static field:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();
 * </pre>
 *
 * The server scripts live in {@code socketio-test/src/main/node}; their npm packages are installed
 * from the lock file with {@code npm ci} on first use. The folder is found through the system property
 * {@value #NODE_DIR_PROPERTY} or by looking upwards from the working directory. The netty-socketio
 * servers are the Maven modules under {@code interop-servers}, found through the system property
 * {@value #INTEROP_SERVERS_DIR_PROPERTY} or by looking upwards; the build writes their class path.
 * <p>
 * Every server prints {@code listening on <port>} once it accepts connections, and takes the port
 * and its options from the environment: {@code PORT}, and {@code PING_INTERVAL} and
 * {@code PING_TIMEOUT} in milliseconds (see {@link #withEnv(String, String)}).
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class SocketIoServerExtension implements BeforeAllCallback, AfterAllCallback {

	/** System property naming the folder that holds the server scripts and their node_modules. */
	public static final String NODE_DIR_PROPERTY = "socketio.test.node-dir";

	/** System property naming the {@code interop-servers} folder of the netty-socketio server modules. */
	public static final String INTEROP_SERVERS_DIR_PROPERTY = "socketio.test.interop-servers-dir";

	private static final Pattern LISTENING = Pattern.compile("listening on (\\d+)");

	private static final long START_TIMEOUT_SECONDS = 30;

	private final ServerLaunchers.Launcher launcher;

	private final Map<String, String> environment = new LinkedHashMap<>();

	private final List<String> output = new ArrayList<>();

	private Process process;

	private int port;

	private SocketIoServerExtension(ServerLaunchers.Launcher launcher) {
		this.launcher = launcher;
	}

	/**
	 * The reference server: Node {@code socket.io} 4.8.4 with the test handlers.
	 * @return a new extension
	 */
	public static SocketIoServerExtension nodeReference() {
		return new SocketIoServerExtension(new ServerLaunchers.NodeScript("server.js"));
	}

	/**
	 * Node {@code socket.io} of one generation with the handlers of the interop contract
	 * ({@code generations-server.js}): 2.5.1 (Engine.IO 3 / Socket.IO protocol 4), 3.1.2 or 4.8.4
	 * (Engine.IO 4 / protocol 5). With {@code withEnv("ALLOW_EIO3", "1")} 3.x and 4.x also accept
	 * Engine.IO 3 clients ({@code allowEIO3}).
	 * @param majorVersion 2, 3 or 4
	 * @return a new extension
	 */
	public static SocketIoServerExtension nodeGeneration(int majorVersion) {
		if (majorVersion < 2 || majorVersion > 4) {
			throw new IllegalArgumentException("No socket.io " + majorVersion + ".x server: 2, 3 or 4");
		}
		return new SocketIoServerExtension(new ServerLaunchers.NodeScript("generations-server.js")).withEnv("SOCKETIO_VERSION",
				String.valueOf(majorVersion));
	}

	/**
	 * The second reference server: python-socketio (Debian's {@code python3-socketio} 5.7 on
	 * aiohttp) with the test handlers of the Node server where python-socketio can have them. It
	 * runs on the system's Python ({@code /usr/bin/python3}), which sees Debian's packages.
	 * @return a new extension
	 */
	public static SocketIoServerExtension pythonReference() {
		return new SocketIoServerExtension(new ServerLaunchers.PythonScript("python_server.py"));
	}

	/**
	 * netty-socketio 1.7.19 (Engine.IO 3 / Socket.IO protocol 4) with the handlers of the interop
	 * contract, in a JVM of its own: the module {@code interop-servers/netty-socketio-1}, which must
	 * have been built.
	 * @return a new extension
	 */
	public static SocketIoServerExtension nettySocketIo1() {
		return new SocketIoServerExtension(new ServerLaunchers.JavaServer("netty-socketio-1",
				"io.github.springsocketio.interop.netty1.NettySocketIo1Server"));
	}

	/**
	 * netty-socketio 2.0.13 (Engine.IO 4 / Socket.IO protocol 5, and Engine.IO 3) with the handlers
	 * of the interop contract, in a JVM of its own: the module
	 * {@code interop-servers/netty-socketio-2}, which must have been built.
	 * @return a new extension
	 */
	public static SocketIoServerExtension nettySocketIo2() {
		return new SocketIoServerExtension(new ServerLaunchers.JavaServer("netty-socketio-2",
				"io.github.springsocketio.interop.netty2.NettySocketIo2Server"));
	}

	/**
	 * A scripted raw WebSocket server that misbehaves as the {@code scenario} query parameter of
	 * each connection asks.
	 * @return a new extension
	 */
	public static SocketIoServerExtension scripted() {
		return new SocketIoServerExtension(new ServerLaunchers.NodeScript("scripted-server.js"));
	}

	/**
	 * A forward HTTP proxy that prints {@code proxied <method> <path>} for each request it forwards.
	 * @return a new extension
	 */
	public static SocketIoServerExtension httpProxy() {
		return new SocketIoServerExtension(new ServerLaunchers.NodeScript("proxy.js"));
	}

	/**
	 * Sets an environment variable of the server process, e.g. {@code PING_INTERVAL}, {@code PING_TIMEOUT}
	 * or {@code MAX_PAYLOAD} of the reference server, or {@code ALLOW_EIO3} of a Node generation.
	 * @param name the variable
	 * @param value its value
	 * @return this extension
	 */
	public SocketIoServerExtension withEnv(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	/**
	 * Makes the server listen on a given port instead of a free one.
	 * @param port the port
	 * @return this extension
	 */
	public SocketIoServerExtension withPort(int port) {
		this.port = port;
		return this;
	}

	/**
	 * The server's base URL.
	 * @return {@code http://127.0.0.1:<port>}, or {@code https://} with {@code TLS_PFX} set
	 */
	public String url() {
		if (this.process == null) {
			throw new IllegalStateException("The server is not running");
		}
		return (this.environment.containsKey("TLS_PFX") ? "https" : "http") + "://127.0.0.1:" + this.port;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * Starts the server and waits until it listens.
	 * @throws IOException when the server's files cannot be read
	 */
	public synchronized void start() throws IOException {
		Path directory = this.launcher.directory();
		List<String> command = this.launcher.command(directory);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true);
		builder.environment().putAll(this.environment);
		builder.environment().put("PORT", (this.port != 0) ? String.valueOf(this.port) : "0");
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run '" + command.get(0) + "': " + this.launcher.installHint(), ex);
		}
		CompletableFuture<Integer> listening = new CompletableFuture<>();
		Thread reader = new Thread(() -> readOutput(this.process, listening), "socketio-test-server-output");
		reader.setDaemon(true);
		reader.start();
		try {
			this.port = listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stop();
			throw new IllegalStateException("Interrupted while starting the server", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			stop();
			throw new IllegalStateException("The server '" + this.launcher.name() + "' did not start ("
					+ this.launcher.installHint() + "): " + output(), ex);
		}
	}

	/**
	 * Stops the server process and waits for it to end. It can be started again on the same port
	 * with {@link #start()}.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		this.process = null;
		running.destroy();
		try {
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What the server printed so far.
	 * @return the output lines
	 */
	public String output() {
		synchronized (this.output) {
			return String.join(System.lineSeparator(), this.output);
		}
	}

	private void readOutput(Process process, CompletableFuture<Integer> listening) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				synchronized (this.output) {
					this.output.add(line);
				}
				Matcher matcher = LISTENING.matcher(line);
				if (matcher.matches()) {
					listening.complete(Integer.parseInt(matcher.group(1)));
				}
			}
		}
		catch (IOException ex) {
			listening.completeExceptionally(ex);
		}
		listening.completeExceptionally(new IllegalStateException("The server process ended"));
	}

}
