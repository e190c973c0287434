package io.github.springsocketio.client;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Names the run of a parameterized class in its failures: test reports know the runs only by
 * their index.
 */
final class RunNames {

	private RunNames() {
	}

	/**
	 * A handler that puts the run's name before every failure's message.
	 * @param run the name of the run, e.g. its server and transport
	 * @return the handler, to register as an extension field
	 */
	static TestExecutionExceptionHandler inFailures(Supplier<String> run) {
		return (context, failure) -> {
			if (failure instanceof TestAbortedException) {
				throw failure;
			}
			String name = run.get() + ": ";
			if (failure instanceof AssertionError) {
				throw new AssertionError(name + failure.getMessage(), failure);
			}
			throw new IllegalStateException(name + failure, failure);
		};
	}

}
