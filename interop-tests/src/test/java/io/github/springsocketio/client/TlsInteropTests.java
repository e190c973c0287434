package io.github.springsocketio.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * TLS with a self-signed certificate, on every transport: refused by default, accepted when the
 * certificate is trusted through an {@link SSLContext}.
 */
class TlsInteropTests {

	private static final String PASSWORD = "changeit";

	private static final Path KEY_STORE = selfSignedKeyStore();

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference()
		.withEnv("TLS_PFX", KEY_STORE.toString())
		.withEnv("TLS_PASSPHRASE", PASSWORD);

	@RegisterExtension
	final TestClients clients = new TestClients();

	@ParameterizedTest
	@EnumSource(TransportMode.class)
	void refusesASelfSignedServerByDefault(TransportMode mode) {
		SocketIoClient client = this.clients.create(server.url(), mode);
		assertThat(server.url()).startsWith("https://");
		assertThatExceptionOfType(SocketIoConnectException.class).isThrownBy(client::connect);
	}

	@ParameterizedTest
	@EnumSource(TransportMode.class)
	void acceptsTheServerWhenItsCertificateIsTrusted(TransportMode mode) throws Exception {
		SSLContext trusting = trusting();
		SocketIoClient client = this.clients.create(server.url(), mode, (builder) -> builder.sslContext(trusting));
		client.connect();
		assertThat(client.emitWithAck("add", 20, 22).get(10, TimeUnit.SECONDS).get(0, Integer.class)).isEqualTo(42);
	}

	@Test
	void refusesAnSslContextThatCannotApplyToAWebSocketClientOfTheApplication() throws Exception {
		SSLContext trusting = trusting();
		// A container of the test's own, destroyed after, so that its threads do not outlive the test.
		WsWebSocketContainer container = new WsWebSocketContainer();
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> SocketIoClient.builder(server.url())
					.sslContext(trusting)
					.webSocketClient(new StandardWebSocketClient(container))
					.build())
				.withMessageContaining("does not apply to a WebSocketClient of your own");
			StandardWebSocketClient sameContext = new StandardWebSocketClient(container);
			sameContext.setSslContext(trusting);
			SocketIoClient client = this.clients.create(server.url(), TransportMode.WEBSOCKET,
					(builder) -> builder.sslContext(trusting).webSocketClient(sameContext));
			client.connect();
			assertThat(client.call("add", Integer.class, 20, 22)).isEqualTo(42);
			client.close();
		}
		finally {
			container.destroy();
		}
	}

	private static SSLContext trusting() throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(KEY_STORE)) {
			keyStore.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keyStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static Path selfSignedKeyStore() {
		try {
			Path directory = Files.createTempDirectory("socketio-tls");
			Path keyStore = directory.resolve("server.p12");
			Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
					"-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
					"-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
					"-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
				.redirectErrorStream(true)
				.start();
			String output = new String(keytool.getInputStream().readAllBytes());
			if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			keyStore.toFile().deleteOnExit();
			directory.toFile().deleteOnExit();
			return keyStore;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
