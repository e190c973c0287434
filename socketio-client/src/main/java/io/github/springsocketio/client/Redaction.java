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
package io.github.springsocketio.client;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Hides secrets in what the client logs and reports: auth payloads and queries of CONNECT packets,
 * credentials of URLs and every query value but those of the protocol ({@code EIO},
 * {@code transport}, {@code t}, {@code sid}), and the values of sensitive headers. Applications
 * that log or report URLs and messages of their own (a health endpoint, say) can hide them the
 * same way.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class Redaction {

	/** What a hidden value is replaced with. */
	public static final String MASK = "******";

	private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&])([^=&#\\s]+)=([^&#\\s\\]\\)\"']*)");

	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

	private static final Pattern USER_INFO_ANYWHERE = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@");

	/** The query parameters whose values are shown: the protocol's own. */
	private static final Set<String> SHOWN_QUERY = Set.of("EIO", "transport", "t", "sid");

	private static final Set<String> SENSITIVE_WORDS = Set.of("token", "auth", "key", "secret", "password", "passwd",
			"pwd", "credential", "session", "sid", "signature", "sig", "cookie", "jwt", "bearer", "code");

	private Redaction() {
	}

	/**
	 * A URL with its credentials and query values hidden, but those of the protocol.
	 * @param url the URL
	 * @return the URL to log
	 */
	public static String url(String url) {
		String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("$1" + MASK + "@");
		Matcher matcher = QUERY_PARAMETER.matcher(withoutUserInfo);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(2);
			String value = SHOWN_QUERY.contains(name) ? matcher.group(3) : MASK;
			matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + name + "=" + value));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * A message with the credentials and query values of the URLs in it hidden, as {@link #url} does.
	 * @param text the message, e.g. of an exception
	 * @return the message to log
	 */
	public static String text(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return url(USER_INFO_ANYWHERE.matcher(text).replaceAll("$1" + MASK + "@"));
	}

	/**
	 * Whether a header or parameter name suggests a secret value.
	 * @param name the name
	 * @return whether to hide its value
	 */
	public static boolean isSensitive(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals("eio") || lower.equals("transport") || lower.equals("t")) {
			return false;
		}
		for (String word : SENSITIVE_WORDS) {
			if (lower.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An Engine.IO frame to log: the payload of CONNECT packets (auth, session ids) and the query of
	 * a protocol 4 CONNECT's namespace (its auth) are hidden.
	 * @param frame the frame
	 * @return the frame to log
	 */
	public static String frame(String frame) {
		if (frame.startsWith("40") || frame.startsWith("0")) {
			String masked = frame;
			int query = masked.indexOf('?');
			int comma = masked.indexOf(',');
			if (masked.startsWith("40") && query > 0 && (comma < 0 || query < comma)) {
				masked = masked.substring(0, query + 1) + MASK + ((comma < 0) ? "" : masked.substring(comma));
			}
			int payload = masked.indexOf('{');
			return (payload < 0) ? masked : masked.substring(0, payload) + "{" + MASK + "}";
		}
		return (frame.length() > 512) ? frame.substring(0, 512) + "... (" + frame.length() + " chars)" : frame;
	}

}
