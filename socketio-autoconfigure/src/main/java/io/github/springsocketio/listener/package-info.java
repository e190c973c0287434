/**
 * The infrastructure behind {@code @SocketIoListener} beans: discovery and handler invocation.
 */
@NullMarked
package io.github.springsocketio.listener;

import org.jspecify.annotations.NullMarked;
