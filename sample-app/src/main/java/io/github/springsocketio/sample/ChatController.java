package io.github.springsocketio.sample;

import java.util.List;
import java.util.Map;

import io.github.springsocketio.client.NotConnectedException;
import io.github.springsocketio.client.AckTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST side of the bridge: GET /messages reads the recent messages, POST /messages posts one.
 */
@RestController
public class ChatController {

	private final ChatService chat;

	private final RecentMessages recent;

	public ChatController(ChatService chat, RecentMessages recent) {
		this.chat = chat;
		this.recent = recent;
	}

	@GetMapping("/messages")
	public List<ChatMessage> messages() {
		return this.recent.list();
	}

	@PostMapping("/messages")
	public Map<String, Object> post(@RequestBody NewMessage message) {
		return this.chat.post(message.author(), message.text());
	}

	@ExceptionHandler({ NotConnectedException.class, AckTimeoutException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	public Map<String, String> chatUnavailable(RuntimeException ex) {
		return Map.of("error", ex.getMessage());
	}

	/**
	 * A message to post.
	 *
	 * @param author who writes it
	 * @param text what it says
	 */
	public record NewMessage(String author, String text) {

	}

}
