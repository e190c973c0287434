package io.github.springsocketio.client.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springsocketio.client.Transport;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.transport.TransportConnection;
import io.github.springsocketio.client.transport.TransportListener;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe of an upgrade: a WebSocket that closes after answering the probe, while the session
 * pauses polling to switch to it, still ends the session once it switched.
 */
class UpgradeProbeTests {

	private final SerialExecutor serial = new SerialExecutor(Runnable::run);

	private final List<String> sessionClosed = new CopyOnWriteArrayList<>();

	private final TransportListener session = new TransportListener() {

		@Override
		public void onText(String text) {
		}

		@Override
		public void onBinary(byte[] bytes) {
		}

		@Override
		public void onClose(boolean error, String description, @Nullable Throwable cause) {
			UpgradeProbeTests.this.sessionClosed.add(description);
		}

	};

	private final UpgradeProbe probe = new UpgradeProbe(this.serial, EngineProtocol.V4, this.session);

	@Test
	void aCloseBetweenTheAnswerAndTheSwitchEndsTheSessionOnceSwitched() {
		CompletableFuture<TransportConnection> answered = this.probe.start(CompletableFuture.completedFuture(new WebSocket()));
		this.probe.onText(EngineProtocol.V4.probeAnswer());
		assertThat(answered).isCompleted();
		this.probe.onClose(false, "WebSocket closed (1000)", null);
		assertThat(this.sessionClosed).isEmpty();
		this.probe.upgraded();
		assertThat(this.sessionClosed).containsExactly("WebSocket closed (1000)");
	}

	@Test
	void aCloseAfterTheSwitchIsTheSessions() {
		this.probe.start(CompletableFuture.completedFuture(new WebSocket()));
		this.probe.onText(EngineProtocol.V4.probeAnswer());
		this.probe.upgraded();
		this.probe.onClose(true, "WebSocket error", null);
		assertThat(this.sessionClosed).containsExactly("WebSocket error");
	}

	@Test
	void aCloseBeforeTheAnswerFailsTheProbeAndLeavesTheSession() {
		CompletableFuture<TransportConnection> answered = this.probe.start(CompletableFuture.completedFuture(new WebSocket()));
		this.probe.onClose(false, "WebSocket closed (1006)", null);
		assertThat(answered).isCompletedExceptionally();
		assertThat(this.sessionClosed).isEmpty();
	}

	private static final class WebSocket implements TransportConnection {

		@Override
		public Transport kind() {
			return Transport.WEBSOCKET;
		}

		@Override
		public void send(String text) {
		}

		@Override
		public void send(byte[] bytes) {
		}

		@Override
		public void close() {
		}

		@Override
		public CompletableFuture<Void> terminated() {
			return CompletableFuture.completedFuture(null);
		}

	}

}
