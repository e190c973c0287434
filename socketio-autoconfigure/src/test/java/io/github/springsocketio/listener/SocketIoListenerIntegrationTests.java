package io.github.springsocketio.listener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.annotation.EventName;
import io.github.springsocketio.annotation.OnAnyEvent;
import io.github.springsocketio.annotation.OnConnect;
import io.github.springsocketio.annotation.OnDisconnect;
import io.github.springsocketio.annotation.OnEvent;
import io.github.springsocketio.annotation.SocketIoAdvice;
import io.github.springsocketio.annotation.SocketIoExceptionHandler;
import io.github.springsocketio.annotation.SocketIoListener;
import io.github.springsocketio.autoconfigure.SocketIoAutoConfiguration;
import io.github.springsocketio.client.Ack;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.client.SocketIoSocket;
import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @SocketIoListener} beans against the reference Node server: typed payloads, acks by
 * return value, connect and disconnect callbacks, catch-all handlers, listener namespaces joined
 * automatically, placeholders.
 */
class SocketIoListenerIntegrationTests {

	private static final long TIMEOUT = 10;

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SocketIoAutoConfiguration.class))
			.withUserConfiguration(ListenerConfiguration.class)
			.withPropertyValues("socketio.client.url=" + server.url(), "chat.event=echo", "chat.namespace=/chat");
	}

	@Test
	void deliversEventsToAnnotatedMethodsAndAnswersAcksWithReturnValues() {
		contextRunner().run((context) -> {
			RootListener root = context.getBean(RootListener.class);
			ChatListener chat = context.getBean(ChatListener.class);
			assertThat(root.connected.get(TIMEOUT, TimeUnit.SECONDS)).isTrue();
			SocketIoClient client = context.getBean(SocketIoClient.class);
			assertThat(chat.welcome.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("/chat");
			client.emit("echo", new Message("hello", 3), List.of(1, 2));
			assertThat(root.echoes.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("hello x3 [1, 2] 0");
			client.emit("request-ack", "question");
			assertThat(root.replies.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("answer to question");
			assertThat(root.anyEvents).contains("welcome");
			client.socket("/chat").emit("echo", new Message("in chat", 1));
			assertThat(chat.echoes.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(new Message("in chat", 1));
		});
	}

	@Test
	void tellsAboutDisconnects() {
		contextRunner().run((context) -> {
			RootListener root = context.getBean(RootListener.class);
			root.connected.get(TIMEOUT, TimeUnit.SECONDS);
			context.getBean(SocketIoClient.class).emit("disconnect-me");
			assertThat(root.disconnects.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.IO_SERVER_DISCONNECT);
			BlockingQueue<String> events = context.getBean(ListenerConfiguration.class).events;
			List<String> published = new java.util.ArrayList<>();
			for (int i = 0; i < 3; i++) {
				published.add(events.poll(TIMEOUT, TimeUnit.SECONDS));
			}
			assertThat(published).containsExactlyInAnyOrder("connected default /", "connected default /chat",
					"disconnected default / io server disconnect");
		});
	}

	@Test
	void handsExceptionsToTheMostSpecificHandlerTheListenersOwnFirst() {
		contextRunner().withUserConfiguration(ErrorConfiguration.class).run((context) -> {
			context.getBean(RootListener.class).connected.get(TIMEOUT, TimeUnit.SECONDS);
			SocketIoClient client = context.getBean(SocketIoClient.class);
			client.emit("emit-many", 5);
			BlockingQueue<String> handled = context.getBean(ErrorConfiguration.class).handled;
			List<String> seen = new java.util.ArrayList<>();
			for (int i = 0; i < 3; i++) {
				seen.add(handled.poll(TIMEOUT, TimeUnit.SECONDS));
			}
			assertThat(seen).containsExactly("listener:one", "advice-argument:two:many", "advice-runtime:three");
			assertThat(client.call("add", Integer.class, 1, 2)).isEqualTo(3);
			assertThat(handled).isEmpty();
		});
	}

	@Test
	void failsStartupOnAHandlerSignatureItCannotServe() {
		contextRunner().withUserConfiguration(BadListenerConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(BadListener.class.getName() + ".connected")
				.hasMessageContaining("may only take"));
	}

	@Test
	void invokesListenersThroughTheirProxiesAndUsesTheAuthProviderBean() {
		contextRunner().withUserConfiguration(ProxyConfiguration.class).run((context) -> {
			ProxyConfiguration proxies = context.getBean(ProxyConfiguration.class);
			assertThat(proxies.authWelcome.poll(TIMEOUT, TimeUnit.SECONDS)).isEqualTo("/auth");
			assertThat(proxies.intercepted).contains("welcome");
		});
	}

	record Message(String text, int times) {
	}

	@Configuration(proxyBeanMethods = false)
	static class BadListenerConfiguration {

		@Bean
		BadListener badListener() {
			return new BadListener();
		}

	}

	@SocketIoListener
	static class BadListener {

		@OnConnect
		void connected(Message message) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProxyConfiguration {

		final BlockingQueue<String> authWelcome = new LinkedBlockingQueue<>();

		final List<String> intercepted = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Bean
		io.github.springsocketio.client.AuthProvider authProvider() {
			return (namespace) -> Map.of("token", "secret-token");
		}

		@Bean
		AuthListener authListener() {
			return new AuthListener(this.authWelcome);
		}

		@Bean
		static org.springframework.beans.factory.config.BeanPostProcessor proxyingPostProcessor(
				org.springframework.beans.factory.ObjectProvider<ProxyConfiguration> configuration) {
			return new org.springframework.beans.factory.config.BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof AuthListener)) {
						return bean;
					}
					org.springframework.aop.framework.ProxyFactory factory = new org.springframework.aop.framework.ProxyFactory(bean);
					factory.setProxyTargetClass(true);
					factory.addAdvice((org.aopalliance.intercept.MethodInterceptor) (invocation) -> {
						configuration.getObject().intercepted.add(invocation.getMethod().getName());
						return invocation.proceed();
					});
					return factory.getProxy();
				}

			};
		}

	}

	@SocketIoListener(namespace = "/auth")
	public static class AuthListener {

		private final BlockingQueue<String> welcome;

		public AuthListener(BlockingQueue<String> welcome) {
			this.welcome = welcome;
		}

		@OnEvent
		public void welcome(Map<String, Object> info) {
			this.welcome.add((String) info.get("namespace"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ErrorConfiguration {

		final BlockingQueue<String> handled = new LinkedBlockingQueue<>();

		@Bean
		FailingListener failingListener() {
			return new FailingListener(this.handled);
		}

		@Bean
		Advice advice() {
			return new Advice(this.handled);
		}

	}

	@SocketIoListener
	static class FailingListener {

		private final BlockingQueue<String> handled;

		FailingListener(BlockingQueue<String> handled) {
			this.handled = handled;
		}

		@OnEvent("many")
		void many(int i) throws Exception {
			switch (i) {
				case 1 -> throw new IllegalStateException("one");
				case 2 -> throw new IllegalArgumentException("two");
				case 3 -> throw new UnsupportedOperationException("three");
				case 4 -> throw new Exception("four is handled by nobody");
				default -> {
				}
			}
		}

		@SocketIoExceptionHandler
		void onIllegalState(IllegalStateException ex) {
			this.handled.add("listener:" + ex.getMessage());
		}

	}

	@SocketIoAdvice
	static class Advice {

		private final BlockingQueue<String> handled;

		Advice(BlockingQueue<String> handled) {
			this.handled = handled;
		}

		@SocketIoExceptionHandler(IllegalArgumentException.class)
		void onArgument(IllegalArgumentException ex, @EventName String event) {
			this.handled.add("advice-argument:" + ex.getMessage() + ":" + event);
		}

		@SocketIoExceptionHandler
		void onRuntime(RuntimeException ex) {
			this.handled.add("advice-runtime:" + ex.getMessage());
		}

	}

	@SocketIoListener
	static class RootListener {

		final CompletableFuture<Boolean> connected = new CompletableFuture<>();

		final BlockingQueue<String> echoes = new LinkedBlockingQueue<>();

		final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

		final BlockingQueue<DisconnectReason> disconnects = new LinkedBlockingQueue<>();

		final List<String> anyEvents = new java.util.concurrent.CopyOnWriteArrayList<>();

		@OnConnect
		void onConnect(SocketIoSocket socket) {
			this.connected.complete(socket.isConnected());
		}

		@OnEvent("${chat.event}")
		void echo(Message message, List<Integer> numbers, int absent) {
			this.echoes.add(message.text() + " x" + message.times() + " " + numbers + " " + absent);
		}

		@OnEvent("server-request")
		String answer(String question, Ack ack) {
			assertThat(ack.requested()).isTrue();
			return "answer to " + question;
		}

		@OnEvent("server-request-reply")
		void reply(String reply) {
			this.replies.add(reply);
		}

		@OnAnyEvent
		void any(@EventName String event) {
			this.anyEvents.add(event);
		}

		@OnDisconnect
		void onDisconnect(DisconnectReason reason) {
			this.disconnects.add(reason);
		}

	}

	@SocketIoListener(namespace = "${chat.namespace}")
	static class ChatListener {

		final BlockingQueue<String> welcome = new LinkedBlockingQueue<>();

		final BlockingQueue<Message> echoes = new LinkedBlockingQueue<>();

		@OnEvent
		void welcome(Map<String, Object> info) {
			this.welcome.add((String) info.get("namespace"));
		}

		@OnEvent("echo")
		void echo(Message message) {
			this.echoes.add(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		final BlockingQueue<String> events = new LinkedBlockingQueue<>();

		@Bean
		org.springframework.context.ApplicationListener<io.github.springsocketio.event.SocketIoClientEvent> eventRecorder() {
			return (event) -> {
				if (event instanceof io.github.springsocketio.event.SocketIoConnectedEvent connected) {
					this.events.add("connected " + connected.getClientName() + " " + connected.getNamespace());
				}
				else if (event instanceof io.github.springsocketio.event.SocketIoDisconnectedEvent disconnected) {
					this.events.add("disconnected " + disconnected.getClientName() + " " + disconnected.getNamespace() + " "
							+ disconnected.getReason().wireName());
				}
			};
		}

		@Bean
		RootListener rootListener() {
			return new RootListener();
		}

		@Bean
		ChatListener chatListener() {
			return new ChatListener();
		}

	}

}
