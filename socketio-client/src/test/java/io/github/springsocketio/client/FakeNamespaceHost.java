package io.github.springsocketio.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.springsocketio.client.engine.SerialExecutor;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketDecoder;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connection for namespaces under test: records what they send and report, with no server.
 * Handlers and futures run on the calling thread; protocol state changes on a real serial
 * executor, which {@link #onSerial} runs code on.
 */
final class FakeNamespaceHost implements NamespaceHost, AutoCloseable {

	private final ClientOptions options;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final SocketPacketEncoder encoder = new SocketPacketEncoder(this.mapper);

	private final SocketPacketDecoder decoder = new SocketPacketDecoder(this.mapper, 10);

	private final ExecutorService loop = Executors.newSingleThreadExecutor();

	private final SerialExecutor serial = new SerialExecutor(this.loop);

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	/** The text of every packet sent while open. */
	final List<String> sent = new CopyOnWriteArrayList<>();

	/** What the namespaces reported: "connected /", "left /", "refused /". */
	final BlockingQueue<String> reports = new LinkedBlockingQueue<>();

	volatile boolean open = true;

	/** Told of each packet sent, on the serial executor, e.g. to answer it. */
	volatile Consumer<String> onSent = (text) -> {
	};

	FakeNamespaceHost(SocketIoClient.Builder settings) {
		this.options = settings.options();
	}

	/**
	 * Runs code on the serial executor and waits for it.
	 */
	<T> T onSerial(Supplier<T> task) throws Exception {
		CompletableFuture<T> result = new CompletableFuture<>();
		this.serial.execute(() -> {
			try {
				result.complete(task.get());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		return result.get(5, TimeUnit.SECONDS);
	}

	void onSerial(Runnable task) throws Exception {
		onSerial(() -> {
			task.run();
			return null;
		});
	}

	/**
	 * Delivers a packet from the server, as the connection does, and waits until it was handled.
	 */
	void receive(NamespaceSocket socket, String packet) throws Exception {
		onSerial(() -> socket.receive(decode(packet)));
	}

	/**
	 * Delivers a packet from the server after what the serial executor runs now; serial executor
	 * only, e.g. in {@link #onSent}.
	 */
	void receiveNext(NamespaceSocket socket, String packet) {
		SocketPacket decoded = decode(packet);
		this.serial.execute(() -> socket.receive(decoded));
	}

	private SocketPacket decode(String packet) {
		return Objects.requireNonNull(this.decoder.decode(packet));
	}

	@Override
	public ClientOptions options() {
		return this.options;
	}

	@Override
	public JsonMapper mapper() {
		return this.mapper;
	}

	@Override
	public SocketPacketEncoder encoder() {
		return this.encoder;
	}

	@Override
	public SerialExecutor serial() {
		return this.serial;
	}

	@Override
	public Executor handlerExecutor() {
		return Runnable::run;
	}

	@Override
	public ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	@Override
	public SocketIoClientObserver observers() {
		return new SocketIoClientObserver() {
		};
	}

	@Override
	public void checkNotClosed() {
	}

	@Override
	public void checkSize(EncodedPacket packet) {
	}

	@Override
	public boolean sendPacket(EncodedPacket packet) {
		if (!this.open) {
			return false;
		}
		this.sent.add(packet.text());
		this.onSent.accept(packet.text());
		return true;
	}

	@Override
	public CompletableFuture<Void> join(NamespaceSocket socket) {
		CompletableFuture<Void> result = new CompletableFuture<>();
		this.serial.execute(() -> {
			socket.activate().whenComplete((ok, failure) -> {
				if (failure != null) {
					result.completeExceptionally(failure);
				}
				else {
					result.complete(null);
				}
			});
			socket.sendConnect();
		});
		return result;
	}

	@Override
	public void runAndWait(Runnable task) {
		try {
			onSerial(task);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void namespaceConnected(NamespaceSocket socket) {
		this.reports.add("connected " + socket.namespace());
	}

	@Override
	public void namespaceLeft(NamespaceSocket socket) {
		this.reports.add("left " + socket.namespace());
	}

	@Override
	public void namespaceRefused(NamespaceSocket socket, SocketIoConnectException failure) {
		this.reports.add("refused " + socket.namespace());
	}

	@Override
	public void close() {
		this.loop.shutdownNow();
		this.scheduler.shutdownNow();
	}

}
