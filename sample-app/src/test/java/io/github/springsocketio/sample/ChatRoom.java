package io.github.springsocketio.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.springsocketio.test.SocketIoTestServer;

/**
 * The sample's chat room on the in-JVM {@link SocketIoTestServer}, as the Node reference server
 * plays it: every {@code chat} message goes to everyone, stamped with the time, and the sender
 * gets an ack. The sample's tests use it, and {@code ./run-sample} runs it with {@link #main}
 * when Node.js is not installed.
 */
public final class ChatRoom {

	private ChatRoom() {
	}

	/**
	 * Makes a server a chat room.
	 * @param server the server
	 * @return the server
	 */
	public static SocketIoTestServer open(SocketIoTestServer server) {
		return server.on("chat", (args, ack) -> {
			Map<?, ?> message = args.get(0, Map.class);
			long at = System.currentTimeMillis();
			Map<String, Object> stamped = new LinkedHashMap<>();
			stamped.put("author", String.valueOf(message.get("author")));
			stamped.put("text", String.valueOf(message.get("text")));
			stamped.put("at", at);
			server.emit("chat", stamped);
			ack.send(Map.of("delivered", true, "at", at));
		});
	}

	/**
	 * Runs the chat room until the process is stopped.
	 * @param args the port, 3000 by default
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 3000;
		SocketIoTestServer server = open(SocketIoTestServer.builder().port(port).start());
		Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		System.out.println("listening on " + server.port());
		Thread.currentThread().join();
	}

}
