package io.github.springsocketio.client.connection;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.ProxySelector;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.WebSocketImplementation;
import io.github.springsocketio.client.transport.NettyClassPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket stack of a client that chose none (this module's tests have Netty and its proxy
 * handlers on the class path; the starter's tests, which have neither, check the other side), and
 * a client with a proxy where Netty is present without its proxy handlers (a class loader that
 * hides them).
 */
class ClientOptionsTests {

	@Test
	void nettyWhereItIsOnTheClassPath() {
		assertThat(NettyClassPath.isPresent()).isTrue();
		assertThat(ClientOptions.defaultWebSocketImplementation(null)).isEqualTo(WebSocketImplementation.NETTY);
	}

	@Test
	void nettyForAClientWithAProxyWhereNettysProxyHandlersAreOnTheClassPath() {
		assertThat(NettyClassPath.isProxyPresent()).isTrue();
		ProxySelector proxy = ProxySelector.of(new InetSocketAddress("127.0.0.1", 3128));
		assertThat(ClientOptions.defaultWebSocketImplementation(proxy)).isEqualTo(WebSocketImplementation.NETTY);
	}

	@Test
	void withoutNettysProxyHandlersAClientWithAProxyDefaultsToTheJdkAndRefusesNettyWhenBuilt() throws Exception {
		try (URLClassLoader hiding = new WithoutProxyHandlers()) {
			@SuppressWarnings("unchecked")
			List<String> outcome = (List<String>) hiding.loadClass(Probe.class.getName()).getMethod("run").invoke(null);
			assertThat(outcome).containsExactly("netty present", "proxy handlers missing", "JDK", NettyClassPath.PROXY_MISSING);
		}
	}

	/** Runs inside the class loader without Netty's proxy handlers. */
	public static final class Probe {

		private Probe() {
		}

		public static List<String> run() {
			ProxySelector proxy = ProxySelector.of(new InetSocketAddress("127.0.0.1", 3128));
			List<String> outcome = new ArrayList<>();
			outcome.add(NettyClassPath.isPresent() ? "netty present" : "netty missing");
			outcome.add(NettyClassPath.isProxyPresent() ? "proxy handlers present" : "proxy handlers missing");
			outcome.add(ClientOptions.defaultWebSocketImplementation(proxy).name());
			try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:1")
				.proxy(proxy)
				.webSocketImplementation(WebSocketImplementation.NETTY)
				.build()) {
				outcome.add("built");
			}
			catch (IllegalStateException ex) {
				outcome.add(ex.getMessage());
			}
			return outcome;
		}

	}

	/** This test's class path, loaded afresh, without {@code io.netty.handler.proxy}. */
	private static final class WithoutProxyHandlers extends URLClassLoader {

		WithoutProxyHandlers() {
			super(classPath(), ClassLoader.getPlatformClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("io.netty.handler.proxy.")) {
				throw new ClassNotFoundException(name);
			}
			return super.loadClass(name, resolve);
		}

		private static URL[] classPath() {
			return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map((entry) -> {
				try {
					return Path.of(entry).toUri().toURL();
				}
				catch (MalformedURLException ex) {
					throw new IllegalStateException(ex);
				}
			}).toArray(URL[]::new);
		}

	}

}
