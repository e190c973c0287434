package io.github.springsocketio.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The reference servers' scripts as the jar carries them, copied to a folder of the system's
 * temporary directory (one per version of the lock file) where npm can install their packages:
 * how a project outside this repository runs them.
 */
final class PackagedScripts {

	private static final String LOCATION = "/io/github/springsocketio/test/node/";

	private static final List<String> FILES = List.of("package.json", "package-lock.json", "server.js",
			"generations-server.js", "scripted-server.js", "proxy.js", "python_server.py", "conformance-client.js", "cluster-node.js");

	private PackagedScripts() {
	}

	/**
	 * Copies the scripts, unless an earlier run did.
	 * @return the folder
	 * @throws IllegalStateException when the jar has no scripts or they cannot be copied
	 */
	static synchronized Path extract() {
		try {
			byte[] lock = read("package-lock.json");
			String version = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lock), 0, 6);
			Path directory = Path.of(System.getProperty("java.io.tmpdir"), "socketio-test-node-" + version);
			Files.createDirectories(directory);
			for (String file : FILES) {
				Path target = directory.resolve(file);
				if (!Files.isRegularFile(target)) {
					Path partial = Files.createTempFile(directory, file, ".part");
					Files.write(partial, read(file));
					Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
			}
			return directory;
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot copy the reference server scripts out of the socketio-test jar: set "
					+ "the system property '" + SocketIoServerExtension.NODE_DIR_PROPERTY
					+ "' to a copy of the folder socketio-test/src/main/node", ex);
		}
	}

	private static byte[] read(String file) throws IOException {
		try (InputStream in = PackagedScripts.class.getResourceAsStream(LOCATION + file)) {
			if (in == null) {
				throw new IOException("The jar has no " + LOCATION + file);
			}
			return in.readAllBytes();
		}
	}

}
