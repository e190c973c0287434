package io.github.springsocketio.sample;

import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Posts messages to the chat room and waits for the server to confirm them.
 */
@Service
public class ChatService {

	private final ChatEmitter chat;

	public ChatService(ChatEmitter chat) {
		this.chat = chat;
	}

	/**
	 * Posts a message.
	 * @param author who writes it
	 * @param text what it says
	 * @return the server's confirmation
	 */
	public Map<String, Object> post(String author, String text) {
		return this.chat.send(new ChatMessage(author, text, 0));
	}

}
