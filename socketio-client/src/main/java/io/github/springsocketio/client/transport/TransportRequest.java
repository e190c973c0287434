/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.springsocketio.client.transport;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.springsocketio.client.protocol.EngineProtocol;

/**
 * What a transport connects to.
 *
 * @param uri the full URI, with the Engine.IO query parameters
 * @param headers the HTTP headers of the handshake
 * @param maxInboundMessageSize the largest message the connection accepts, in bytes (characters for text)
 * @param protocol the Engine.IO revision, whose framing of payloads and binary frames the transports use
 * @author springsocketio
 * @since 0.1.0
 */
public record TransportRequest(URI uri, Map<String, List<String>> headers, long maxInboundMessageSize,
		EngineProtocol protocol) {

}
