/**
 * Transports that carry Engine.IO packets: the transport SPI and its WebSocket implementation.
 */
@NullMarked
package io.github.springsocketio.client.transport;

import org.jspecify.annotations.NullMarked;
