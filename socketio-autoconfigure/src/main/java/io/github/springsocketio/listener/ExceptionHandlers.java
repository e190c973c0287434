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
package io.github.springsocketio.listener;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.springsocketio.annotation.SocketIoExceptionHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ExceptionDepthComparator;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The {@link SocketIoExceptionHandler} methods of one bean, by the exception type they handle.
 *
 * @author springsocketio
 * @since 0.1.0
 */
final class ExceptionHandlers {

	private final Map<Class<? extends Throwable>, HandlerMethod> handlers = new LinkedHashMap<>();

	ExceptionHandlers(Object bean, Class<?> targetClass) {
		Map<Method, SocketIoExceptionHandler> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<SocketIoExceptionHandler>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, SocketIoExceptionHandler.class));
		methods.forEach((method, annotation) -> {
			HandlerMethod handler = new HandlerMethod(bean, AopUtils.selectInvocableMethod(method, bean.getClass()));
			for (Class<? extends Throwable> type : types(method, annotation)) {
				if (this.handlers.putIfAbsent(type, handler) != null) {
					throw new IllegalStateException("Two @SocketIoExceptionHandler methods of " + targetClass.getName()
							+ " handle " + type.getName());
				}
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Throwable>[] types(Method method, SocketIoExceptionHandler annotation) {
		if (annotation.value().length > 0) {
			return annotation.value();
		}
		for (Class<?> parameter : method.getParameterTypes()) {
			if (Throwable.class.isAssignableFrom(parameter)) {
				return new Class[] { parameter };
			}
		}
		throw new IllegalStateException("Invalid @SocketIoExceptionHandler method " + method.getDeclaringClass().getName()
				+ "." + method.getName() + ": name the exception types or take an exception parameter");
	}

	boolean isEmpty() {
		return this.handlers.isEmpty();
	}

	/**
	 * The handler for the most specific type that matches.
	 * @param exception the exception
	 * @return the handler, or {@code null}
	 */
	@Nullable HandlerMethod find(Throwable exception) {
		Class<? extends Throwable> best = null;
		for (Class<? extends Throwable> type : this.handlers.keySet()) {
			if (type.isInstance(exception)
					&& (best == null || new ExceptionDepthComparator(exception).compare(type, best) < 0)) {
				best = type;
			}
		}
		return (best != null) ? this.handlers.get(best) : null;
	}

}
