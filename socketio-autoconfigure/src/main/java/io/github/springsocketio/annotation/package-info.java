/**
 * Annotations for Socket.IO listener beans.
 */
@NullMarked
package io.github.springsocketio.annotation;

import org.jspecify.annotations.NullMarked;
