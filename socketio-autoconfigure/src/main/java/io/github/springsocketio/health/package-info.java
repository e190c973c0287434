/**
 * Health of the Socket.IO clients, for Spring Boot's health endpoint.
 */
@NullMarked
package io.github.springsocketio.health;

import org.jspecify.annotations.NullMarked;
