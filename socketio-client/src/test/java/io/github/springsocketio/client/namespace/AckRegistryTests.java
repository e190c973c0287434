package io.github.springsocketio.client.namespace;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.DisconnectReason;
import io.github.springsocketio.client.NotConnectedException;
import io.github.springsocketio.client.SocketIoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acknowledgements a namespace waits for: each waiter hears exactly one outcome.
 */
class AckRegistryTests {

	private static final Duration LONG = Duration.ofSeconds(30);

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	private final AckRegistry registry = new AckRegistry(this.scheduler, Runnable::run);

	private final Arguments reply = new Arguments(List.of(), JsonMapper.builder().build());

	@AfterEach
	void shutDown() {
		this.scheduler.shutdownNow();
	}

	@Test
	void givesIdsFromOneSequence() {
		assertThat(this.registry.nextId()).isZero();
		assertThat(this.registry.nextId()).isEqualTo(1);
	}

	@Test
	void tellsTheWaiterOfItsAcknowledgementOnce() {
		RecordingWaiter waiter = new RecordingWaiter(true);
		this.registry.expect(7, LONG, waiter);
		assertThat(this.registry.acknowledged(7, this.reply)).isTrue();
		assertThat(this.registry.acknowledged(7, this.reply)).isFalse();
		assertThat(this.registry.acknowledged(8, this.reply)).isFalse();
		assertThat(waiter.outcomes).containsExactly("acknowledged");
		assertThat(this.registry.size()).isZero();
	}

	@Test
	void timesOutAtTheDeadlineAndThenIgnoresTheAcknowledgement() throws Exception {
		RecordingWaiter early = new RecordingWaiter(true);
		RecordingWaiter late = new RecordingWaiter(true);
		this.registry.expect(1, LONG, late);
		this.registry.expect(2, Duration.ofMillis(20), early);
		assertThat(early.outcomes.poll(5, TimeUnit.SECONDS)).isEqualTo("timed out");
		assertThat(this.registry.acknowledged(2, this.reply)).isFalse();
		assertThat(late.outcomes).isEmpty();
		assertThat(this.registry.size()).isEqualTo(1);
	}

	@Test
	void aLostConnectionStopsOnlyTheWaitersWhoseAcknowledgementCannotComeAnyMore() {
		RecordingWaiter sent = new RecordingWaiter(true);
		RecordingWaiter buffered = new RecordingWaiter(false);
		this.registry.expect(1, LONG, sent);
		this.registry.expect(2, LONG, buffered);
		this.registry.connectionLost(DisconnectReason.TRANSPORT_CLOSE);
		assertThat(sent.outcomes).containsExactly("lost: transport close");
		assertThat(buffered.outcomes).isEmpty();
		assertThat(this.registry.acknowledged(2, this.reply)).isTrue();
	}

	@Test
	void failsEveryWaiterOnceAndForgetsWithoutTelling() {
		RecordingWaiter first = new RecordingWaiter(true);
		RecordingWaiter second = new RecordingWaiter(false);
		RecordingWaiter forgotten = new RecordingWaiter(true);
		this.registry.expect(1, LONG, first);
		this.registry.expect(2, LONG, second);
		this.registry.expect(3, LONG, forgotten);
		this.registry.forget(3);
		this.registry.failAll(new NotConnectedException("closed"));
		this.registry.failAll(new NotConnectedException("again"));
		assertThat(first.outcomes).containsExactly("failed: closed");
		assertThat(second.outcomes).containsExactly("failed: closed");
		assertThat(forgotten.outcomes).isEmpty();
		assertThat(this.registry.size()).isZero();
	}

	private static final class RecordingWaiter implements AckRegistry.Waiter {

		final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();

		private final boolean sent;

		RecordingWaiter(boolean sent) {
			this.sent = sent;
		}

		@Override
		public void acknowledged(Arguments arguments) {
			this.outcomes.add("acknowledged");
		}

		@Override
		public void timedOut() {
			this.outcomes.add("timed out");
		}

		@Override
		public boolean stopsWaitingOnConnectionLoss() {
			return this.sent;
		}

		@Override
		public void connectionLost(DisconnectReason reason) {
			this.outcomes.add("lost: " + reason.wireName());
		}

		@Override
		public void failed(SocketIoException failure) {
			this.outcomes.add("failed: " + failure.getMessage());
		}

	}

}
