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
package io.github.springsocketio.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.github.springsocketio.client.Arguments;
import io.github.springsocketio.client.SocketIoClient;
import io.github.springsocketio.test.SocketIoServerExtension;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing end to end with Brave, as Boot sets it up, against the reference Node server: an emit's
 * span joins the caller's trace, a handler runs in the span of its handling, so its log lines
 * carry that trace id and a span it starts is a child; an interceptor propagates the trace across
 * the wire, as README shows.
 */
@ExtendWith(OutputCaptureExtension.class)
class SocketIoTracingTests {

	private static final Log logger = LogFactory.getLog(SocketIoTracingTests.class);

	@RegisterExtension
	static final SocketIoServerExtension server = SocketIoServerExtension.nodeReference();

	@Test
	void tracesEmitsAndHandlersWithTheirTraceIdsInTheLog(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TracingApplication.class)
			.web(WebApplicationType.NONE)
			.properties("socketio.client.url=" + server.url(), "socketio.client.fail-fast=true",
					"socketio.client.observation-enabled=true", "management.tracing.sampling.probability=1.0",
					"logging.config=classpath:logback-tracing.xml")
			.run()) {
			Tracer tracer = context.getBean(Tracer.class);
			SocketIoClient client = context.getBean(SocketIoClient.class);
			client.on("echo", (args, ack) -> {
				Span work = tracer.nextSpan().name("work").start();
				try (Tracer.SpanInScope scope = tracer.withSpan(work)) {
					logger.info("handled echo " + args.get(0, String.class));
				}
				finally {
					work.end();
				}
			});
			Span request = tracer.nextSpan().name("request").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
				assertThat(client.call("echo", String.class, "traced")).isEqualTo("traced");
			}
			finally {
				request.end();
			}
			FinishedSpans spans = context.getBean(FinishedSpans.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> spans.named("work") != null);
			MutableSpan emit = spans.named("emit echo");
			assertThat(emit.traceId()).isEqualTo(request.context().traceId());
			assertThat(emit.parentId()).isEqualTo(request.context().spanId());
			assertThat(emit.tags()).containsEntry("client", "default").containsEntry("outcome", "ok");
			MutableSpan handle = spans.named("handle echo");
			MutableSpan work = spans.named("work");
			assertThat(work.traceId()).isEqualTo(handle.traceId());
			assertThat(work.parentId()).isEqualTo(handle.id());
			assertThat(output).contains(handle.traceId() + "/" + work.id() + " i.g.s.a.o.SocketIoTracingTests - handled echo traced");
		}
	}

	@Test
	void anInterceptorCanPropagateTheTraceInTheAuthAndTheArguments() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TracingApplication.class,
				PropagatingConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("socketio.client.url=" + server.url(), "socketio.client.auto-connect=false",
					"socketio.client.observation-enabled=true", "management.tracing.sampling.probability=1.0")
			.run()) {
			SocketIoClient client = context.getBean(SocketIoClient.class);
			CompletableFuture<Arguments> welcome = new CompletableFuture<>();
			client.on("welcome", (args, ack) -> welcome.complete(args));
			client.connect();
			FinishedSpans spans = context.getBean(FinishedSpans.class);
			String connectTrace = welcome.get(10, TimeUnit.SECONDS).json(0).at("/auth/traceparent").asString();
			assertThat(connectTrace).isEqualTo(traceparent(spans.named("socketio connect /")));
			Arguments echo = client.socket("/").emitWithAck("echo", "traced").get(10, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(10)).until(() -> spans.named("emit echo") != null);
			assertThat(echo.get(0, String.class)).isEqualTo("traced");
			assertThat(echo.json(1).at("/headers/traceparent").asString())
				.isEqualTo(traceparent(spans.named("emit echo")));
		}
	}

	private static String traceparent(MutableSpan span) {
		return "00-" + span.traceId() + "-" + span.id() + "-01";
	}

	@Configuration(proxyBeanMethods = false)
	static class PropagatingConfiguration {

		@Bean
		TraceparentInterceptor traceparentInterceptor(Tracer tracer, Propagator propagator) {
			return new TraceparentInterceptor(tracer, propagator);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TracingApplication {

		@Bean
		FinishedSpans finishedSpans() {
			return new FinishedSpans();
		}

	}

	static class FinishedSpans extends SpanHandler {

		private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			this.spans.add(span);
			return true;
		}

		MutableSpan named(String name) {
			return this.spans.stream().filter((span) -> name.equals(span.name())).findFirst().orElse(null);
		}

	}

}
