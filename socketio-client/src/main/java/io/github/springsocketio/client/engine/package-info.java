/**
 * One Engine.IO session: handshake, heartbeat and close, with all state changes on one serial executor.
 */
@NullMarked
package io.github.springsocketio.client.engine;

import org.jspecify.annotations.NullMarked;
