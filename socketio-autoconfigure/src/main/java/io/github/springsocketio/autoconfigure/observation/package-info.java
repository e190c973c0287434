/**
 * Auto-configuration of the Socket.IO clients' observations.
 */
@NullMarked
package io.github.springsocketio.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
