/**
 * Spring Boot auto-configuration of the Socket.IO clients.
 */
@NullMarked
package io.github.springsocketio.autoconfigure;

import org.jspecify.annotations.NullMarked;
