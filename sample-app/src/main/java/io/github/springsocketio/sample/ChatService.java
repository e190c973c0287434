package io.github.springsocketio.sample;

import java.time.Duration;
import java.util.Map;

import io.github.springsocketio.client.SocketIoClient;
import org.springframework.stereotype.Service;

/**
 * Posts messages to the chat room and waits for the server to confirm them.
 */
@Service
public class ChatService {

	private final SocketIoClient client;

	public ChatService(SocketIoClient client) {
		this.client = client;
	}

	/**
	 * Posts a message.
	 * @param author who writes it
	 * @param text what it says
	 * @return the server's confirmation
	 */
	public Map<?, ?> post(String author, String text) {
		return this.client.socket("/").timeout(Duration.ofSeconds(5))
			.call("chat", Map.class, new ChatMessage(author, text, 0));
	}

}
