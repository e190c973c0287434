package io.github.springsocketio.sample;

import java.util.Map;

import io.github.springsocketio.annotation.Emit;
import io.github.springsocketio.annotation.SocketIoEmitter;

/**
 * The chat's outbound messages, declared: the starter makes this interface a bean.
 */
@SocketIoEmitter
public interface ChatEmitter {

	/**
	 * Sends a message and waits for the server's confirmation.
	 * @param message the message
	 * @return the confirmation, {@code {delivered: true, at}}
	 */
	@Emit(value = "chat", timeout = "${chat.send-timeout:5s}")
	Map<String, Object> send(ChatMessage message);

}
