package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

import io.github.springsocketio.client.InboundOverflow;
import io.github.springsocketio.client.SocketIoClientObserver;
import io.github.springsocketio.client.SocketIoConnectException;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.protocol.EncodedPacket;
import io.github.springsocketio.client.protocol.SocketPacket;
import io.github.springsocketio.client.protocol.SocketPacketDecoder;
import io.github.springsocketio.client.protocol.SocketPacketEncoder;
import io.github.springsocketio.client.protocol.SocketProtocol;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connection for namespaces under test: records what they send and report, with no server.
 * Handlers and futures run on the calling thread; protocol state changes on a real serial
 * executor, which {@link #onSerial} runs code on.
 */
final class FakeNamespaceHost implements NamespaceHost, AutoCloseable {

	private final NamespaceOptions options;

	private final SocketProtocol protocol;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final SocketPacketEncoder encoder = new SocketPacketEncoder(this.mapper);

	private final SocketPacketDecoder decoder = new SocketPacketDecoder(this.mapper, 10);

	private final ExecutorService loop = Executors.newSingleThreadExecutor();

	private final SerialExecutor serial = new SerialExecutor(this.loop);

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	/** The text of every packet sent while open. */
	final List<String> sent = new CopyOnWriteArrayList<>();

	/** What the namespaces reported: "connected /", "left /", "refused /", "dropped event reason". */
	final BlockingQueue<String> reports = new LinkedBlockingQueue<>();

	volatile boolean open = true;

	/** Told of each packet sent, on the serial executor, e.g. to answer it. */
	volatile Consumer<String> onSent = (text) -> {
	};

	/** Runs what the namespaces hand to the application's handler executor. */
	volatile Executor handlers = Runnable::run;

	/** Whether a namespace asked the connection to stop reading. */
	volatile boolean readingPaused;

	/** Whether the server connected "/" by itself, as a protocol 4 server does. */
	volatile boolean serverConnectedDefaultNamespace;

	FakeNamespaceHost(NamespaceOptions options) {
		this(options, SocketProtocol.V5);
	}

	FakeNamespaceHost(NamespaceOptions options, SocketProtocol protocol) {
		this.options = options;
		this.protocol = protocol;
	}

	static NamespaceOptions options(int retries, Duration ackTimeout, int sendBufferMaxPackets) {
		return new NamespaceOptions(ackTimeout, retries, sendBufferMaxPackets, 10_000, InboundOverflow.PAUSE, null,
				Map.of("v", "1"), List.of(), null);
	}

	static NamespaceOptions options(int maxPendingInboundEvents, InboundOverflow overflow) {
		return new NamespaceOptions(Duration.ofSeconds(10), 0, 1000, maxPendingInboundEvents, overflow, null, Map.of(),
				List.of(), null);
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
	void receive(Namespace namespace, String packet) throws Exception {
		onSerial(() -> namespace.receive(decode(packet)));
	}

	/**
	 * Delivers a packet from the server after what the serial executor runs now; serial executor
	 * only, e.g. in {@link #onSent}.
	 */
	void receiveNext(Namespace namespace, String packet) {
		SocketPacket decoded = decode(packet);
		this.serial.execute(() -> namespace.receive(decoded));
	}

	SocketPacket decode(String packet) {
		return Objects.requireNonNull(this.decoder.decode(packet));
	}

	@Override
	public NamespaceOptions options() {
		return this.options;
	}

	@Override
	public SocketProtocol protocol() {
		return this.protocol;
	}

	@Override
	public boolean serverConnectedDefaultNamespace() {
		return this.serverConnectedDefaultNamespace;
	}

	@Override
	public boolean switchToOlderProtocol() {
		this.reports.add("older protocol");
		return false;
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
		return this.handlers;
	}

	@Override
	public ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	@Override
	public SocketIoClientObserver observers() {
		return new SocketIoClientObserver() {

			@Override
			public void eventDropped(String namespace, String event, String reason) {
				FakeNamespaceHost.this.reports.add("dropped " + event + " " + reason);
			}

		};
	}

	@Override
	public String engineSessionId() {
		return "engine-sid";
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
	public CompletableFuture<Void> join(Namespace namespace) {
		CompletableFuture<Void> result = new CompletableFuture<>();
		this.serial.execute(() -> {
			namespace.activate().whenComplete((ok, failure) -> {
				if (failure != null) {
					result.completeExceptionally(failure);
				}
				else {
					result.complete(null);
				}
			});
			namespace.sendConnect();
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
	public void namespaceConnected(Namespace namespace) {
		this.reports.add("connected " + namespace.name());
	}

	@Override
	public void namespaceLeft(Namespace namespace) {
		this.reports.add("left " + namespace.name());
	}

	@Override
	public void namespaceRefused(Namespace namespace, SocketIoConnectException failure) {
		this.reports.add("refused " + namespace.name());
	}

	@Override
	public void connectAttemptFailed(Namespace namespace, RuntimeException failure) {
		this.reports.add("attempt failed " + namespace.name() + ": " + failure.getMessage());
	}

	@Override
	public void reserveOutbound(long size) {
	}

	@Override
	public void releaseOutbound(long size) {
	}

	@Override
	public void pauseReading() {
		this.readingPaused = true;
	}

	@Override
	public void resumeReading() {
		this.readingPaused = false;
	}

	@Override
	public void close() {
		this.loop.shutdownNow();
		this.scheduler.shutdownNow();
	}

}
