/**
 * The connection: the client behind {@link io.github.springsocketio.client.SocketIoClient}, its
 * state machine (connect, transport fallback, reconnection), the handshake request, and the
 * threads and HTTP clients its connections share. Implementation, not API.
 */
@NullMarked
package io.github.springsocketio.client.connection;

import org.jspecify.annotations.NullMarked;
