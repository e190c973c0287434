/**
 * Concurrency helpers of the client: the serial executor that orders a connection's state changes,
 * the batched completion of futures off the I/O threads, and the bounded wait of a blocking connect.
 * Implementation, not API.
 */
@NullMarked
package io.github.springsocketio.client.concurrent;

import org.jspecify.annotations.NullMarked;
