package io.github.springsocketio.client.transport;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpgradeResponseCookiesTests {

	private static final URI HANDSHAKE = URI.create("ws://127.0.0.1:8080/socket.io/?EIO=4&transport=websocket");

	private final UpgradeResponseCookies router = new UpgradeResponseCookies();

	@Test
	void theCookiesOfAnUpgradeResponseGoToTheStoreOfTheClientThatOpenedIt() {
		CookieStore first = new CookieManager().getCookieStore();
		CookieStore second = new CookieManager().getCookieStore();
		UpgradeResponseCookies.Handshake ofFirst = this.router.register(HANDSHAKE, first);
		UpgradeResponseCookies.Handshake ofSecond = this.router.register(HANDSHAKE, second);
		assertThat(ofFirst.uri()).isNotEqualTo(ofSecond.uri());
		assertThat(ofFirst.uri().toString()).startsWith(HANDSHAKE + "&t=");

		// The JDK hands over the http form of the handshake's URI, its header names in lower case.
		this.router.put(http(ofSecond.uri()), Map.of("set-cookie", List.of("lb=b; Path=/")));
		this.router.put(http(ofFirst.uri()), Map.of("Set-Cookie", List.of("lb=a; Path=/")));

		assertThat(first.get(URI.create("http://127.0.0.1:8080/socket.io/"))).extracting(HttpCookie::toString)
			.containsExactly("lb=a");
		assertThat(second.get(URI.create("http://127.0.0.1:8080/socket.io/"))).extracting(HttpCookie::toString)
			.containsExactly("lb=b");
	}

	@Test
	void forgetsAHandshakeOnceItIsDoneAndIgnoresOtherResponses() {
		CookieStore store = new CookieManager().getCookieStore();
		UpgradeResponseCookies.Handshake handshake = this.router.register(HANDSHAKE, store);
		handshake.done();
		this.router.put(http(handshake.uri()), Map.of("set-cookie", List.of("lb=a")));
		this.router.put(URI.create("http://127.0.0.1:8080/socket.io/?EIO=4&transport=polling&t=wsx1"),
				Map.of("set-cookie", List.of("lb=b")));
		assertThat(store.getCookies()).isEmpty();
	}

	@Test
	void givesRequestsNoCookieOfItsOwn() {
		UpgradeResponseCookies.Handshake handshake = this.router.register(HANDSHAKE, new CookieManager().getCookieStore());
		assertThat(this.router.get(http(handshake.uri()), Map.of())).isEmpty();
	}

	@Test
	void anInvalidSetCookieHeaderIsSkipped() {
		CookieStore store = new CookieManager().getCookieStore();
		UpgradeResponseCookies.Handshake handshake = this.router.register(HANDSHAKE, store);
		this.router.put(http(handshake.uri()), Map.of("set-cookie", List.of("=", "lb=a")));
		assertThat(store.getCookies()).extracting(HttpCookie::getName).containsExactly("lb");
	}

	private static URI http(URI webSocketUri) {
		return URI.create("http" + webSocketUri.toString().substring("ws".length()));
	}

}
