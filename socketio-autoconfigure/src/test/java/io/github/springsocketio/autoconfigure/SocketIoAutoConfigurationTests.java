package io.github.springsocketio.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import io.github.springsocketio.client.InboundOverflow;
import io.github.springsocketio.client.ProtocolVersion;
import io.github.springsocketio.client.SocketIoClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SocketIoAutoConfiguration}.
 */
class SocketIoAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class))
		.withPropertyValues("socketio.client.auto-connect=false");

	@Test
	void createsThePrimaryClientFromTheUrl() {
		this.contextRunner.withPropertyValues("socketio.client.url=http://localhost:3000").run((context) -> {
			assertThat(context).hasSingleBean(SocketIoClient.class).hasBean("socketIoClient");
			assertThat(context).hasSingleBean(SocketIoClientLifecycle.class);
		});
	}

	@Test
	void failsWithAMessageNamingThePropertyWhenTheUrlIsMissing() {
		this.contextRunner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("socketio.client.url"));
	}

	@Test
	void failsOnAUrlWithAnotherScheme() {
		this.contextRunner.withPropertyValues("socketio.client.url=ftp://localhost:3000")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("socketio.client.url")
				.hasMessageContaining("http, https, ws or wss"));
	}

	@Test
	void failsOnDurationsThatMakeNoSense() {
		this.contextRunner.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.client.ack-timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("socketio.client.ack-timeout"));
		this.contextRunner
			.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.client.reconnection.delay=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("socketio.client.reconnection.delay"));
	}

	@Test
	void bindsTheProtocolRevisionAndRefusesAnUnknownOne() {
		this.contextRunner.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.client.protocol=v4")
			.run((context) -> assertThat(context.getBean(SocketIoClientFactory.class).settings("default").getProtocol())
				.isEqualTo(ProtocolVersion.V4));
		this.contextRunner.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.client.protocol=v3")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("v3"));
	}

	@Test
	void bindsFlowControlForEveryClientAndRefusesBadLimits() {
		this.contextRunner
			.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.client.inbound.max-pending-events=500",
					"socketio.client.inbound.overflow=drop", "socketio.client.send-buffer.max-bytes=2MB",
					"socketio.clients.other.url=http://localhost:3001")
			.run((context) -> {
				SocketIoClientFactory factory = context.getBean(SocketIoClientFactory.class);
				SocketIoProperties.Client other = factory.settings("other");
				assertThat(other.getInbound().getMaxPendingEvents()).isEqualTo(500);
				assertThat(other.getInbound().getOverflow()).isEqualTo(InboundOverflow.DROP);
				assertThat(other.getSendBuffer().getMaxBytes()).isEqualTo(DataSize.ofMegabytes(2));
			});
		this.contextRunner.run((context) -> {
			SocketIoProperties.Client defaults = new SocketIoProperties.Client();
			assertThat(defaults.getInbound().getMaxPendingEvents())
				.isEqualTo(SocketIoClient.Builder.DEFAULT_MAX_PENDING_INBOUND_EVENTS);
			assertThat(defaults.getInbound().getOverflow()).isEqualTo(SocketIoClient.Builder.DEFAULT_INBOUND_OVERFLOW);
			assertThat(defaults.getSendBuffer().getMaxBytes().toBytes())
				.isEqualTo(SocketIoClient.Builder.DEFAULT_SEND_BUFFER_MAX_BYTES);
		});
		this.contextRunner
			.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.client.inbound.max-pending-events=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("socketio.client.inbound.max-pending-events"));
		this.contextRunner
			.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.client.send-buffer.max-bytes=0B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("socketio.client.send-buffer.max-bytes"));
	}

	@Test
	void clientsOfOneSslBundleShareOneTlsContext() {
		AtomicInteger created = new AtomicInteger();
		SslBundle system = SslBundle.systemDefault();
		SslBundle counting = new SslBundle() {

			@Override
			public SslStoreBundle getStores() {
				return system.getStores();
			}

			@Override
			public SslBundleKey getKey() {
				return system.getKey();
			}

			@Override
			public SslOptions getOptions() {
				return system.getOptions();
			}

			@Override
			public String getProtocol() {
				return system.getProtocol();
			}

			@Override
			public SslManagerBundle getManagers() {
				return system.getManagers();
			}

			@Override
			public SSLContext createSslContext() {
				created.incrementAndGet();
				return system.createSslContext();
			}

		};
		this.contextRunner.withBean(SslBundles.class, () -> new DefaultSslBundleRegistry("shared", counting))
			.withPropertyValues("socketio.client.url=https://localhost:3000", "socketio.client.ssl.bundle=shared",
					"socketio.clients.other.url=https://localhost:3001")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(SocketIoClient.class)).hasSize(2);
				assertThat(created).hasValue(1);
			});
	}

	@Test
	void namesAnInvalidUrlWithoutItsSecrets() {
		this.contextRunner.withPropertyValues("socketio.client.url=ftp://user:userinfo-secret@host/?token=url-secret")
			.run((context) -> {
				assertThat(context).hasFailed();
				StringWriter trace = new StringWriter();
				context.getStartupFailure().printStackTrace(new PrintWriter(trace));
				assertThat(trace.toString()).contains("socketio.client.url")
					.contains("the scheme must be http, https, ws or wss")
					.doesNotContain("userinfo-secret", "url-secret");
			});
	}

	@Test
	void failsOnAnUnknownSslBundle() {
		this.contextRunner.withPropertyValues("socketio.client.url=https://localhost:3000", "socketio.client.ssl.bundle=nope")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("socketio.client.ssl.bundle")
				.hasMessageContaining("nope"));
	}

	@Test
	void failsStartupWithinTheConnectTimeoutWhenFailFastAndTheServerIsAway() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.contextRunner
			.withPropertyValues("socketio.client.url=http://127.0.0.1:" + port, "socketio.client.auto-connect=true",
					"socketio.client.fail-fast=true", "socketio.client.connect-timeout=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.cause()
				.hasMessageContaining("The Socket.IO client 'default' could not connect")
				.hasMessageContaining("Timed out after 1000 ms"));
	}

	@Test
	void startsWithoutWaitingWhenNotFailFast() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.contextRunner.withPropertyValues("socketio.client.url=http://127.0.0.1:" + port, "socketio.client.auto-connect=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(SocketIoClient.class));
	}

	@Test
	void createsNothingWhenDisabled() {
		this.contextRunner.withPropertyValues("socketio.client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SocketIoClient.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesTheClient() {
		this.contextRunner.withUserConfiguration(OwnClientConfiguration.class)
			.run((context) -> assertThat(context).getBean("socketIoClient").isSameAs(OwnClientConfiguration.CLIENT));
	}

	@Test
	void createsNamedClientsThatInheritUnsetKeys() {
		this.contextRunner
			.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.client.ack-timeout=3s",
					"socketio.client.headers.X-Api-Key=primary", "socketio.client.query.v=1",
					"socketio.clients.billing.url=https://billing.example:8443",
					"socketio.clients.billing.namespaces=/invoices", "socketio.clients.billing.headers.X-Tenant=t1",
					"socketio.clients.off.url=http://off", "socketio.clients.off.enabled=false")
			.run((context) -> {
				assertThat(context).hasBean("billingSocketIoClient").doesNotHaveBean("offSocketIoClient");
				assertThat(context.getBean(SocketIoClient.class)).isSameAs(context.getBean("socketIoClient"));
				SocketIoProperties.Client billing = context.getBean(SocketIoClientFactory.class).settings("billing");
				assertThat(billing.getUrl()).isEqualTo("https://billing.example:8443");
				assertThat(billing.getNamespaces()).containsExactly("/invoices");
				assertThat(billing.getAckTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(billing.getHeaders()).containsExactly(java.util.Map.entry("X-Tenant", "t1"));
				assertThat(billing.getQuery()).containsEntry("v", "1");
			});
	}

	@Test
	void appliesTheCustomizersToEveryClient() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("socketio.client.url=http://localhost:3000", "socketio.clients.billing.url=http://b:1")
			.run((context) -> assertThat(context.getBean(CustomizerConfiguration.class).names)
				.containsExactlyInAnyOrder("default", "billing"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClientConfiguration {

		static final SocketIoClient CLIENT = SocketIoClient.builder("http://localhost:1").build();

		@Bean
		SocketIoClient socketIoClient() {
			return CLIENT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Bean
		SocketIoClientCustomizer recordingCustomizer() {
			return (name, builder) -> this.names.add(name);
		}

	}

}
