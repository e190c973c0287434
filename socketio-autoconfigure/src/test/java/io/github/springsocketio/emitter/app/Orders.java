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
package io.github.springsocketio.emitter.app;

import java.util.concurrent.CompletableFuture;

import io.github.springsocketio.annotation.Emit;
import io.github.springsocketio.annotation.SocketIoEmitter;

/**
 * An emitter of the test application, on a namespace no setting names.
 */
@SocketIoEmitter(namespace = "${orders.namespace:/chat}")
public interface Orders {

	@Emit("add")
	CompletableFuture<Integer> add(int a, int b);

	@Emit(value = "echo", timeout = "${orders.timeout:5s}")
	String echo(String text);

	@Emit("count")
	void count();

}
