/**
 * Test support: reference Socket.IO servers and the JUnit 5 extension that runs them.
 */
package io.github.springsocketio.test;
