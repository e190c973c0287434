package io.github.springsocketio.sample;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.springsocketio.annotation.OnConnect;
import io.github.springsocketio.annotation.OnDisconnect;
import io.github.springsocketio.annotation.OnEvent;
import io.github.springsocketio.annotation.SocketIoListener;
import io.github.springsocketio.client.DisconnectReason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;

/**
 * Listens to the chat room and keeps its most recent messages.
 */
@SocketIoListener
public class RecentMessages {

	private static final Log logger = LogFactory.getLog(RecentMessages.class);

	private final int capacity;

	private final Deque<ChatMessage> messages = new ArrayDeque<>();

	public RecentMessages(@Value("${chat.recent-messages:50}") int capacity) {
		this.capacity = capacity;
	}

	@OnEvent("chat")
	void received(ChatMessage message) {
		synchronized (this.messages) {
			this.messages.addLast(message);
			while (this.messages.size() > this.capacity) {
				this.messages.removeFirst();
			}
		}
	}

	@OnConnect
	void connected() {
		logger.info("Joined the chat room");
	}

	@OnDisconnect
	void disconnected(DisconnectReason reason) {
		logger.info("Left the chat room: " + reason.wireName());
	}

	/**
	 * The recent messages, oldest first.
	 * @return the messages
	 */
	public List<ChatMessage> list() {
		synchronized (this.messages) {
			return List.copyOf(this.messages);
		}
	}

}
