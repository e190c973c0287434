package io.github.springsocketio.client.connection;

import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP clients that the clients of a JVM share: one per TLS context and proxy, until its last
 * user gives it back.
 */
class SharedResourcesTests {

	@Test
	void sharesOneHttpClientPerTlsContextUntilItsLastUserIsDone() throws Exception {
		SharedResources resources = SharedResources.acquire();
		try {
			SSLContext bundle = SSLContext.getInstance("TLS");
			bundle.init(null, null, null);
			HttpClient first = resources.httpClient(bundle, null);
			assertThat(resources.httpClient(bundle, null)).isSameAs(first);
			HttpClient plain = resources.httpClient(null, null);
			assertThat(plain).isNotSameAs(first);
			resources.releaseHttpClient(bundle, null);
			assertThat(resources.httpClient(bundle, null)).isSameAs(first);
			resources.releaseHttpClient(bundle, null);
			resources.releaseHttpClient(bundle, null);
			// The last user gave it back: the next one gets a new client.
			HttpClient second = resources.httpClient(bundle, null);
			assertThat(second).isNotSameAs(first);
			resources.releaseHttpClient(bundle, null);
			resources.releaseHttpClient(null, null);
		}
		finally {
			resources.release();
		}
	}

}
