package io.github.springsocketio.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process TCP proxy on a free loopback port that sits between a client and a server and
 * can cut every connection, stall traffic, or add latency, for chaos tests. Close it after use.
 *
 * <pre class="code">
 * ChaosProxy proxy = ChaosProxy.to(server.port());
 * SocketIoClient client = SocketIoClient.builder(proxy.url()).build();
 * proxy.cutAll();
 * </pre>
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class ChaosProxy implements AutoCloseable {

	private static final int BUFFER = 16 * 1024;

	private final int targetPort;

	private final ServerSocket listener;

	private final ExecutorService threads;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicInteger connections = new AtomicInteger();

	private volatile boolean stalled;

	private volatile boolean refusing;

	private volatile long latencyMillis;

	private ChaosProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "socketio-test-chaos-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.threads.execute(this::accept);
	}

	/**
	 * Starts a proxy to a server on the loopback address.
	 * @param targetPort the server's port
	 * @return the running proxy
	 * @throws IOException when no port can be opened
	 */
	public static ChaosProxy to(int targetPort) throws IOException {
		return new ChaosProxy(targetPort);
	}

	/**
	 * The URL that reaches the server through the proxy.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.listener.getLocalPort();
	}

	/**
	 * How many connections the proxy accepted so far.
	 * @return the count
	 */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * Cuts every open connection at once, as a network failure would.
	 */
	public void cutAll() {
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	/**
	 * Cuts every open connection and refuses new ones until {@link #restore()}.
	 */
	public void cutOff() {
		this.refusing = true;
		cutAll();
	}

	/**
	 * Accepts connections again after {@link #cutOff()}, and lets stalled traffic flow.
	 */
	public void restore() {
		this.refusing = false;
		this.stalled = false;
	}

	/**
	 * Holds all traffic (connections stay open) until {@link #restore()}.
	 */
	public void stall() {
		this.stalled = true;
	}

	/**
	 * Delays every chunk of traffic.
	 * @param latency the delay, zero for none
	 */
	public void latency(Duration latency) {
		this.latencyMillis = latency.toMillis();
	}

	@Override
	public void close() {
		closeQuietly(this.listener);
		cutAll();
		this.threads.shutdownNow();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				if (this.refusing) {
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket();
				try {
					server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.targetPort), 5000);
				}
				catch (IOException ex) {
					closeQuietly(client);
					continue;
				}
				this.connections.incrementAndGet();
				this.sockets.add(client);
				this.sockets.add(server);
				this.threads.execute(() -> pump(client, server));
				this.threads.execute(() -> pump(server, client));
			}
			catch (IOException ex) {
				// the listener was closed
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[BUFFER];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				while (this.stalled && !from.isClosed()) {
					TimeUnit.MILLISECONDS.sleep(5);
				}
				long latency = this.latencyMillis;
				if (latency > 0) {
					TimeUnit.MILLISECONDS.sleep(latency);
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the connection was cut
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// nothing to do
		}
	}

}
