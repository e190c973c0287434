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
package io.github.springsocketio.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A server in a child process: started with its output read on a daemon thread, ready once it
 * prints a line the caller names, and stopped politely ({@code SIGTERM}) or killed
 * ({@code SIGKILL}).
 */
final class ChildProcess {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final String name;

	private final Process process;

	private final List<String> output = new ArrayList<>();

	private final CompletableFuture<@Nullable Matcher> ready = new CompletableFuture<>();

	private ChildProcess(String name, Process process, @Nullable Pattern readyLine) {
		this.name = name;
		this.process = process;
		if (readyLine == null) {
			this.ready.complete(null);
		}
		Thread reader = new Thread(() -> readOutput(readyLine), "socketio-test-output-" + name);
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts a process and waits until it prints a line that matches {@code readyLine}, or only
	 * starts it when there is no such line.
	 * @param name the server's name, for messages
	 * @param command its command line
	 * @param directory the folder it runs in
	 * @param environment variables added to this process's environment
	 * @param readyLine the line that says it is ready, or {@code null} for a process that says nothing
	 * @param timeout how long it may take
	 * @param installHint what to install when it cannot be run
	 * @return the process, ready, and the match of its ready line ({@code null} without one)
	 * @throws IllegalStateException when it cannot be run, ends, or is not ready in time
	 */
	static Started start(String name, List<String> command, Path directory, Map<String, String> environment,
			@Nullable Pattern readyLine, Duration timeout, String installHint) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		ChildProcess child;
		try {
			child = new ChildProcess(name, builder.start(), readyLine);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run '" + command.get(0) + "': " + installHint, ex);
		}
		try {
			return new Started(child, child.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			child.stop();
			throw new IllegalStateException("Interrupted while starting " + name, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			child.stop();
			throw new IllegalStateException("The server '" + name + "' did not start (" + installHint + "): "
					+ child.output(), ex);
		}
	}

	/**
	 * The path of a program on the {@code PATH} or in the {@code sbin} folders, where Debian puts
	 * servers such as {@code haproxy} and a user's {@code PATH} may not reach.
	 * @param program the program's name
	 * @return its path, or the name itself when it is nowhere (starting it then fails with the
	 * install hint)
	 */
	static String executable(String program) {
		List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
		folders.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin"));
		for (String folder : folders) {
			Path candidate = Path.of(folder.isEmpty() ? "." : folder, program);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return program;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Asks the process to end ({@code SIGTERM}) and waits for it, killing it if it does not end in
	 * time.
	 */
	void stop() {
		this.process.destroy();
		awaitEnd(true);
	}

	/**
	 * Kills the process ({@code SIGKILL}): it has no chance to close its connections cleanly, as
	 * when a machine dies. Waits until it has ended.
	 */
	void kill() {
		this.process.destroyForcibly();
		awaitEnd(false);
	}

	private void awaitEnd(boolean killIfSlow) {
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				if (!killIfSlow) {
					throw new IllegalStateException(this.name + " did not end within " + STOP_TIMEOUT);
				}
				this.process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What the process printed so far.
	 */
	String output() {
		synchronized (this.output) {
			return String.join(System.lineSeparator(), this.output);
		}
	}

	private void readOutput(@Nullable Pattern readyLine) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				synchronized (this.output) {
					this.output.add(line);
				}
				Matcher matcher = (readyLine != null) ? readyLine.matcher(line) : null;
				if (matcher != null && matcher.find()) {
					this.ready.complete(matcher);
				}
			}
		}
		catch (IOException ex) {
			this.ready.completeExceptionally(ex);
		}
		this.ready.completeExceptionally(new IllegalStateException("The process ended"));
	}

	/**
	 * A process that printed its ready line.
	 * @param process the process
	 * @param readyLine the match of its ready line
	 */
	record Started(ChildProcess process, @Nullable Matcher readyLine) {
	}

}
