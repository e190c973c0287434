package io.github.springsocketio.starter;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.github.springsocketio.annotation.OnEvent;
import io.github.springsocketio.annotation.SocketIoListener;
import io.github.springsocketio.client.SocketIoClient;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/**
 * A chat application as a new user would write it: the starter, a URL, a listener and a service.
 */
@SpringBootApplication
public class ChatApplication {

	@SocketIoListener
	static class ChatListener {

		final BlockingQueue<Object> welcomes = new LinkedBlockingQueue<>();

		final BlockingQueue<String> echoes = new LinkedBlockingQueue<>();

		@OnEvent
		void welcome(Object info) {
			this.welcomes.add(info);
		}

		@OnEvent("echo")
		void echo(String text) {
			this.echoes.add(text);
		}

	}

	@Service
	static class ChatService {

		private final SocketIoClient client;

		ChatService(SocketIoClient client) {
			this.client = client;
		}

		void say(String text) {
			this.client.emit("echo", text);
		}

		Integer add(int a, int b) {
			return this.client.call("add", Integer.class, a, b);
		}

	}

}
