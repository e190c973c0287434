package io.github.springsocketio.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A chat bridge: it follows a Socket.IO chat room, keeps the recent messages, and lets a REST
 * client read them and post new ones.
 */
@SpringBootApplication
public class ChatBridgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChatBridgeApplication.class, args);
	}

}
