package io.github.springsocketio.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JavaScript reference client (socket.io-client 4.8.4, {@code conformance-client.js} of
 * the reference servers' folder) against a server and returns what each scenario reported. In
 * the package of {@link ServerLaunchers}, whose way of finding and installing the Node scripts it
 * shares.
 */
public final class ReferenceClient {

	private ReferenceClient() {
	}

	/**
	 * Runs every scenario.
	 * @param url the server's URL
	 * @param mode {@code websocket}, {@code polling} or {@code upgrade}
	 * @return the report: one JSON line per scenario, then the exit code as {@code exit <code>}
	 * @throws IOException when Node cannot be run
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	public static List<String> run(String url, String mode) throws IOException, InterruptedException {
		ServerLaunchers.NodeScript script = new ServerLaunchers.NodeScript("conformance-client.js");
		Path directory = script.directory();
		ProcessBuilder builder = new ProcessBuilder(script.command(directory)).directory(directory.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("URL", url);
		builder.environment().put("MODE", mode);
		Process node = builder.start();
		List<String> report = new ArrayList<>();
		try {
			report.addAll(new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
			if (!node.waitFor(150, TimeUnit.SECONDS)) {
				report.add("exit timeout");
			}
			else {
				report.add("exit " + node.exitValue());
			}
		}
		finally {
			node.destroyForcibly();
		}
		return report;
	}

}
