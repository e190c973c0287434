/**
 * Auto-configuration of the Socket.IO client meters.
 */
@NullMarked
package io.github.springsocketio.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
