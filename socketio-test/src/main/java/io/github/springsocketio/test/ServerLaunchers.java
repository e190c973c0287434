package io.github.springsocketio.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kinds of server process {@link SocketIoServerExtension} starts, and how: Node scripts (their
 * npm packages installed from the lock file first), the python-socketio script, and the
 * netty-socketio servers of {@code interop-servers}.
 */
final class ServerLaunchers {

	private ServerLaunchers() {
	}

	/**
	 * Installs the servers' npm packages from the lock file when they are missing or older than it.
	 */
	private static synchronized void installPackages(Path directory) throws IOException {
		if (packagesInstalled(directory)) {
			return;
		}
		String hint = "install Node.js 18 or later with npm, then run 'npm ci' in " + directory;
		Process npm;
		try {
			npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The reference server's npm packages are missing and 'npm' cannot be run: "
					+ hint, ex);
		}
		try {
			if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
				npm.destroyForcibly();
				throw new IllegalStateException("'npm ci' failed for the reference server: " + hint);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			npm.destroyForcibly();
			throw new IllegalStateException("Interrupted while installing the reference server's npm packages", ex);
		}
	}

	/**
	 * Whether npm's record of the installed packages is at least as recent as the lock file.
	 */
	private static boolean packagesInstalled(Path directory) throws IOException {
		Path installed = directory.resolve("node_modules/.package-lock.json");
		Path lock = directory.resolve("package-lock.json");
		return Files.isRegularFile(installed)
				&& Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0;
	}

	/**
	 * The scripts' folder: the one the system property names, the repository's own when the build
	 * runs in it, or else the copy of the scripts the jar carries.
	 */
	private static Path nodeDirectory() {
		String configured = System.getProperty(SocketIoServerExtension.NODE_DIR_PROPERTY);
		if (configured != null) {
			return Paths.get(configured);
		}
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("socketio-test/src/main/node");
			if (Files.isRegularFile(candidate.resolve("server.js"))) {
				return candidate;
			}
		}
		return PackagedScripts.extract();
	}

	private static Path interopServerDirectory(String module) {
		String configured = System.getProperty(SocketIoServerExtension.INTEROP_SERVERS_DIR_PROPERTY);
		if (configured != null) {
			return Paths.get(configured, module);
		}
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("interop-servers").resolve(module);
			if (Files.isRegularFile(candidate.resolve("pom.xml"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("Cannot find the server module interop-servers/" + module
				+ ": set the system property '" + SocketIoServerExtension.INTEROP_SERVERS_DIR_PROPERTY + "' to the folder interop-servers");
	}

	/**
	 * How a server process is started: the folder it runs in, its command line, and what to install
	 * when it cannot run.
	 */
	interface Launcher {

		String name();

		Path directory();

		List<String> command(Path directory) throws IOException;

		String installHint();

	}

	/**
	 * A script of {@code socketio-test/src/main/node} run by {@code node}, its npm packages installed first.
	 */
	record NodeScript(String name) implements Launcher {

		@Override
		public Path directory() {
			return nodeDirectory();
		}

		@Override
		public List<String> command(Path directory) throws IOException {
			installPackages(directory);
			return List.of("node", this.name);
		}

		@Override
		public String installHint() {
			return "install Node.js 18 or later and put it on the PATH";
		}

	}

	/**
	 * A script of {@code socketio-test/src/main/node} run by the system's Python, which sees Debian's packages.
	 */
	record PythonScript(String name) implements Launcher {

		@Override
		public Path directory() {
			return nodeDirectory();
		}

		@Override
		public List<String> command(Path directory) {
			String python = Files.isExecutable(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
			return List.of(python, this.name);
		}

		@Override
		public String installHint() {
			return "install Debian's python3-socketio and python3-aiohttp"
					+ " (apt-get install python3-socketio python3-aiohttp)";
		}

	}

	/**
	 * The main class of a module under {@code interop-servers}, run by this JVM's {@code java} with the
	 * module's classes and the class path its build wrote to {@code target/classpath.txt}.
	 */
	record JavaServer(String module, String mainClass) implements Launcher {

		@Override
		public String name() {
			return "interop-servers/" + this.module;
		}

		@Override
		public Path directory() {
			return interopServerDirectory(this.module);
		}

		@Override
		public List<String> command(Path directory) throws IOException {
			Path classes = directory.resolve("target/classes");
			Path classpath = directory.resolve("target/classpath.txt");
			if (!Files.isDirectory(classes) || !Files.isRegularFile(classpath)) {
				throw new IllegalStateException("The server " + name() + " is not built: " + installHint());
			}
			String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
			return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp",
					classes + File.pathSeparator + Files.readString(classpath).strip(), this.mainClass);
		}

		@Override
		public String installHint() {
			return "build it with './mvnw -pl " + name() + " install -DskipTests' in the project root";
		}

	}

}
