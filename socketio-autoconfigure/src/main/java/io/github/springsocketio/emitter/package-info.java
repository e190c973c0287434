/**
 * Declarative emitters: {@code @SocketIoEmitter} interfaces whose methods send events.
 */
@NullMarked
package io.github.springsocketio.emitter;

import org.jspecify.annotations.NullMarked;
