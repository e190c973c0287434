/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.springsocketio.client.engine;

import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.client.Redaction;
import io.github.springsocketio.client.concurrent.SerialExecutor;
import io.github.springsocketio.client.protocol.EngineProtocol;
import io.github.springsocketio.client.transport.Failures;
import io.github.springsocketio.client.transport.TransportConnection;
import io.github.springsocketio.client.transport.TransportListener;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket opened beside a long-polling session to take it over (the Engine.IO upgrade): it is
 * probed, and once the session switched to it, hands what it reads to the session. Its outcome
 * completes on the session's serial executor.
 */
final class UpgradeProbe implements TransportListener {

	private final SerialExecutor serial;

	private final EngineProtocol protocol;

	private final TransportListener session;

	private final CompletableFuture<TransportConnection> answered = new CompletableFuture<>();

	private volatile @Nullable TransportConnection connection;

	private volatile boolean upgraded;

	/**
	 * The WebSocket's close when it came after the probe's answer but before the switch, which the
	 * session hears of once it switched (on the serial executor).
	 */
	private @Nullable Runnable closedBeforeUpgrade;

	/**
	 * Creates a probe.
	 * @param serial the session's serial executor
	 * @param protocol the session's Engine.IO revision
	 * @param session receives what the WebSocket reads once upgraded
	 */
	UpgradeProbe(SerialExecutor serial, EngineProtocol protocol, TransportListener session) {
		this.serial = serial;
		this.protocol = protocol;
		this.session = session;
	}

	/**
	 * Probes the WebSocket once it is open.
	 * @param opening the WebSocket being opened, with this probe as its listener
	 * @return completes with the WebSocket when the server answered the probe, or fails with why not
	 */
	CompletableFuture<TransportConnection> start(CompletableFuture<TransportConnection> opening) {
		opening.whenComplete((opened, failure) -> this.serial.execute(() -> {
			if (failure != null) {
				fail("cannot open the WebSocket: " + Redaction.text(Failures.describe(failure)));
			}
			else if (this.answered.isDone()) {
				opened.close();
			}
			else {
				this.connection = opened;
				opened.send(this.protocol.probe());
			}
		}));
		return this.answered;
	}

	/**
	 * The session switched to the WebSocket: what it reads goes to the session from now on, and a
	 * close that came while it paused polling ends the session (on the serial executor).
	 */
	void upgraded() {
		this.upgraded = true;
		Runnable closed = this.closedBeforeUpgrade;
		if (closed != null) {
			closed.run();
		}
	}

	/**
	 * The session gives the probe up: the WebSocket is closed.
	 */
	void abandon() {
		fail("abandoned");
	}

	@Override
	public void onText(String text) {
		if (this.upgraded) {
			this.session.onText(text);
			return;
		}
		this.serial.execute(() -> {
			TransportConnection opened = this.connection;
			if (opened == null || this.answered.isDone()) {
				return;
			}
			if (this.protocol.probeAnswer().equals(text)) {
				this.answered.complete(opened);
			}
			else {
				fail("the server answered the probe with '" + Redaction.frame(text) + "'");
			}
		});
	}

	@Override
	public void onBinary(byte[] bytes) {
		if (this.upgraded) {
			this.session.onBinary(bytes);
		}
	}

	@Override
	public void onClose(boolean error, String description, @Nullable Throwable cause) {
		if (this.upgraded) {
			this.session.onClose(error, description, cause);
			return;
		}
		this.serial.execute(() -> {
			if (this.upgraded) {
				this.session.onClose(error, description, cause);
				return;
			}
			// Answered already, the session may still switch to it: then the close is its own.
			this.closedBeforeUpgrade = () -> this.session.onClose(error, description, cause);
			fail(description);
		});
	}

	private void fail(String reason) {
		if (!this.answered.completeExceptionally(new IllegalStateException(reason))) {
			return;
		}
		TransportConnection opened = this.connection;
		if (opened != null) {
			opened.close();
		}
	}

}
