/**
 * The Socket.IO client's public API: {@link io.github.springsocketio.client.SocketIoClient} and its namespaces.
 */
@NullMarked
package io.github.springsocketio.client;

import org.jspecify.annotations.NullMarked;
