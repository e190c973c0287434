package io.github.springsocketio.test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
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

	private static final Pattern LISTENING = Pattern.compile("^listening on (\\d+)$");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private final ServerLaunchers.Launcher launcher;

	private final Map<String, String> environment = new LinkedHashMap<>();

	private @Nullable ChildProcess process;

	/** What the processes of earlier starts printed. */
	private String earlierOutput = "";

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
		Map<String, String> environment = new LinkedHashMap<>(this.environment);
		environment.put("PORT", String.valueOf(this.port));
		ChildProcess.Started started = ChildProcess.start(this.launcher.name(), this.launcher.command(directory),
				directory, environment, LISTENING, START_TIMEOUT, this.launcher.installHint());
		this.process = started.process();
		this.port = Integer.parseInt(Objects.requireNonNull(started.readyLine()).group(1));
	}

	/**
	 * Stops the server process and waits for it to end. It can be started again on the same port
	 * with {@link #start()}.
	 */
	public synchronized void stop() {
		ChildProcess running = this.process;
		if (running != null) {
			this.process = null;
			running.stop();
			this.earlierOutput = joinLines(this.earlierOutput, running.output());
		}
	}

	/**
	 * What the server printed so far.
	 * @return the output lines
	 */
	public synchronized String output() {
		return (this.process != null) ? joinLines(this.earlierOutput, this.process.output()) : this.earlierOutput;
	}

	private static String joinLines(String first, String second) {
		return (first.isEmpty() || second.isEmpty()) ? first + second : first + System.lineSeparator() + second;
	}

}
