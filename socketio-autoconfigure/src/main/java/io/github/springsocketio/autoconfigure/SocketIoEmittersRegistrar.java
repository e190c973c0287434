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
package io.github.springsocketio.autoconfigure;

import java.beans.Introspector;
import java.util.List;

import io.github.springsocketio.annotation.SocketIoEmitter;
import io.github.springsocketio.emitter.SocketIoEmitterFactoryBean;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Registers a bean for each interface annotated {@link SocketIoEmitter} in the application's
 * packages (those of {@code @SpringBootApplication}, as Boot finds entities and repositories),
 * named as the interface with a lower-case first letter, or by its fully qualified name when
 * another bean has that name already (an application's own bean of the fully qualified name wins).
 *
 * @author springsocketio
 * @since 0.2.0
 */
class SocketIoEmittersRegistrar
		implements ImportBeanDefinitionRegistrar, BeanFactoryAware, EnvironmentAware, ResourceLoaderAware {

	private @Nullable BeanFactory beanFactory;

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (this.beanFactory == null || !AutoConfigurationPackages.has(this.beanFactory)) {
			return;
		}
		for (String typeName : emitterTypes(AutoConfigurationPackages.get(this.beanFactory))) {
			Class<?> type = ClassUtils.resolveClassName(typeName, (this.resourceLoader != null)
					? this.resourceLoader.getClassLoader() : ClassUtils.getDefaultClassLoader());
			String beanName = Introspector.decapitalize(type.getSimpleName());
			if (registry.containsBeanDefinition(beanName)) {
				beanName = type.getName();
			}
			if (!registry.containsBeanDefinition(beanName)) {
				registry.registerBeanDefinition(beanName, definition(type));
			}
		}
	}

	private List<String> emitterTypes(List<String> packages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				AnnotationMetadata type = definition.getMetadata();
				return type.isInterface() && type.isIndependent() && !type.isAnnotation();
			}

		};
		if (this.environment != null) {
			scanner.setEnvironment(this.environment);
		}
		if (this.resourceLoader != null) {
			scanner.setResourceLoader(this.resourceLoader);
		}
		scanner.addIncludeFilter(new AnnotationTypeFilter(SocketIoEmitter.class, true, true));
		return packages.stream()
			.flatMap((basePackage) -> scanner.findCandidateComponents(basePackage).stream())
			.map(BeanDefinition::getBeanClassName)
			.distinct()
			.toList();
	}

	private static RootBeanDefinition definition(Class<?> type) {
		RootBeanDefinition definition = new RootBeanDefinition(SocketIoEmitterFactoryBean.class);
		definition.setTargetType(ResolvableType.forClassWithGenerics(SocketIoEmitterFactoryBean.class, type));
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, type);
		definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, type);
		return definition;
	}

}
