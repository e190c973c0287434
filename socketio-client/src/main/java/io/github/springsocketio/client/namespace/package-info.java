/**
 * One namespace of a connection: its protocol (connect, leave, events, acknowledgements),
 * handlers, ack registry, retry queue, send buffer and recovery state; it reports to the
 * connection through {@link io.github.springsocketio.client.namespace.NamespaceHost}.
 * Implementation, not API.
 */
@NullMarked
package io.github.springsocketio.client.namespace;

import org.jspecify.annotations.NullMarked;
