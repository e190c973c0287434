package io.github.springsocketio.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Reconnection}.
 */
class ReconnectionTests {

	@Test
	void doublesTheDelayUpToTheMaximum() {
		Reconnection reconnection = Reconnection.exponential(Duration.ofSeconds(1), Duration.ofSeconds(5))
			.withRandomizationFactor(0);
		assertThat(reconnection.delayBefore(1, 0.3)).isEqualTo(Duration.ofSeconds(1));
		assertThat(reconnection.delayBefore(2, 0.3)).isEqualTo(Duration.ofSeconds(2));
		assertThat(reconnection.delayBefore(3, 0.3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(reconnection.delayBefore(4, 0.3)).isEqualTo(Duration.ofSeconds(5));
		assertThat(reconnection.delayBefore(1000, 0.3)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void variesTheDelayByTheRandomizationFactor() {
		Reconnection reconnection = Reconnection.exponential(Duration.ofSeconds(1), Duration.ofSeconds(5));
		for (double random = 0; random < 1; random += 0.01) {
			assertThat(reconnection.delayBefore(2, random)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
		}
		assertThat(reconnection.delayBefore(2, 0.45)).isNotEqualTo(reconnection.delayBefore(2, 0.95));
	}

	@Test
	void rejectsSettingsThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> Reconnection.exponential(Duration.ZERO, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Reconnection.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)));
		Reconnection reconnection = Reconnection.exponential(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThatIllegalArgumentException().isThrownBy(() -> reconnection.withAttempts(-2));
		assertThatIllegalArgumentException().isThrownBy(() -> reconnection.withRandomizationFactor(1.5));
		assertThat(Reconnection.disabled().enabled()).isFalse();
		assertThat(reconnection.withAttempts(3).attempts()).isEqualTo(3);
	}

}
