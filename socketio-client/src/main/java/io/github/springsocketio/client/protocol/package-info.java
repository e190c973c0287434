/**
 * Engine.IO v4 and Socket.IO v5 codecs: pure functions of their input, no I/O and no threads.
 */
@NullMarked
package io.github.springsocketio.client.protocol;

import org.jspecify.annotations.NullMarked;
