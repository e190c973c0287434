/**
 * Micrometer meters of the Socket.IO clients.
 */
@NullMarked
package io.github.springsocketio.metrics;

import org.jspecify.annotations.NullMarked;
