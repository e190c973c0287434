package io.github.springsocketio.starter;

import java.util.concurrent.TimeUnit;

import io.github.springsocketio.test.SocketIoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new Spring Boot project gets from the starter and a URL: a listener receives events and
 * an injected client emits, against the reference Node server.
 */
@SpringBootTest(classes = ChatApplication.class)
class StarterApplicationTests {

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@DynamicPropertySource
	static void serverUrl(DynamicPropertyRegistry registry) {
		registry.add("socketio.client.url", server::url);
	}

	@Autowired
	private ChatApplication.ChatService service;

	@Autowired
	private ChatApplication.ChatListener listener;

	@Test
	void receivesEventsInAListenerAndEmitsFromAnInjectedClient() throws Exception {
		assertThat(this.listener.welcomes.poll(10, TimeUnit.SECONDS)).isNotNull();
		this.service.say("hello from Spring");
		assertThat(this.listener.echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("hello from Spring");
		assertThat(this.service.add(2, 3)).isEqualTo(5);
	}

}
