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
package io.github.springsocketio.client.transport;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.github.springsocketio.client.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * Failures as the client tells them: unwrapped from what futures add, described when they say
 * nothing, and without the secrets that libraries put in their messages.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class Failures {

	/** How deep a chain of causes is redacted; deeper causes are left out. */
	private static final int MAX_CAUSES = 16;

	private Failures() {
	}

	/**
	 * Unwraps {@link CompletionException} and {@link ExecutionException}.
	 * @param failure what a future failed with
	 * @return the first failure that is no such wrapper, or the last wrapper when it has no cause
	 */
	public static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * What a failure says; when it says nothing, as a refused connection does, what it is.
	 * @param failure the failure, unwrapped or not
	 * @return a description, never empty
	 */
	public static String describe(Throwable failure) {
		Throwable cause = unwrap(failure);
		String message = cause.getMessage();
		if (message != null && !message.isBlank()) {
			return message;
		}
		if (cause instanceof ConnectException) {
			return "connection refused";
		}
		if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
			return "timed out";
		}
		if (cause instanceof ClosedChannelException || cause instanceof EOFException) {
			return "connection closed";
		}
		Throwable inner = cause.getCause();
		return (inner != null && inner != cause) ? describe(inner) : cause.getClass().getSimpleName();
	}

	/**
	 * A failure whose messages, its own and its causes', hide what {@link Redaction#text} hides,
	 * e.g. the query of a URI that a WebSocket stack names. A failure with nothing to hide is
	 * returned as it is; one with something becomes a {@link RedactedFailure} naming its class,
	 * with its stack trace.
	 * @param failure the failure
	 * @return the failure to hand to the application
	 */
	public static Throwable redacted(Throwable failure) {
		return redacted(failure, MAX_CAUSES);
	}

	private static Throwable redacted(Throwable failure, int depth) {
		Throwable cause = failure.getCause();
		Throwable redactedCause = (cause != null && cause != failure && depth > 0) ? redacted(cause, depth - 1) : null;
		String message = failure.getMessage();
		String hidden = Redaction.text(message);
		boolean clean = (message == null || message.equals(hidden)) && (cause == null || redactedCause == cause);
		if (clean) {
			return failure;
		}
		RedactedFailure copy = new RedactedFailure(failure.getClass().getName() + ": " + hidden, redactedCause);
		copy.setStackTrace(failure.getStackTrace());
		return copy;
	}

	/**
	 * A failure of a library whose message held a secret, told again without it.
	 */
	public static final class RedactedFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RedactedFailure(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
