package io.github.springsocketio.sample;

import io.github.springsocketio.test.SocketIoTestServer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Opens the {@link ChatRoom} on the test's in-JVM server; imported by the sample's tests.
 */
@TestConfiguration(proxyBeanMethods = false)
class ChatRoomConfiguration {

	@Bean
	InitializingBean chatRoom(SocketIoTestServer server) {
		return () -> ChatRoom.open(server);
	}

}
