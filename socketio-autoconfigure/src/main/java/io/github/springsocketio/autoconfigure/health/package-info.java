/**
 * Auto-configuration of the Socket.IO health contributor.
 */
@NullMarked
package io.github.springsocketio.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
