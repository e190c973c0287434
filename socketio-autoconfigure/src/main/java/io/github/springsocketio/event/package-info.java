/**
 * Spring application events that tell about the connections of the Socket.IO clients.
 */
@NullMarked
package io.github.springsocketio.event;

import org.jspecify.annotations.NullMarked;
