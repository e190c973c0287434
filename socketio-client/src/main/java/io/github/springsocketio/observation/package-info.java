/**
 * Micrometer observations of a Socket.IO client: {@code socketio.client.emit} and
 * {@code socketio.client.handle}, their contexts and their replaceable conventions.
 */
@NullMarked
package io.github.springsocketio.observation;

import org.jspecify.annotations.NullMarked;
