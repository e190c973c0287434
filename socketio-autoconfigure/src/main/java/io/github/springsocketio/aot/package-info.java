/**
 * Ahead-of-time processing and native images: the runtime hints for what the listeners, the
 * emitters and the client reflect on.
 */
@NullMarked
package io.github.springsocketio.aot;

import org.jspecify.annotations.NullMarked;
