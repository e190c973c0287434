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
package io.github.springsocketio.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.POJONode;

/**
 * The arguments of an event or an acknowledgement, converted on demand with the client's Jackson
 * {@link JsonMapper}. Binary attachments are {@code byte[]}.
 *
 * @author springsocketio
 * @since 0.1.0
 */
public final class Arguments {

	private final List<?> values;

	private final JsonMapper mapper;

	/**
	 * Creates arguments from received JSON nodes or from Java values about to be sent.
	 * @param values the values
	 * @param mapper the mapper that converts them
	 */
	public Arguments(List<?> values, JsonMapper mapper) {
		this.values = Collections.unmodifiableList(values);
		this.mapper = mapper;
	}

	/**
	 * The number of arguments.
	 * @return the number
	 */
	public int size() {
		return this.values.size();
	}

	/**
	 * Whether there are no arguments.
	 * @return whether {@link #size()} is 0
	 */
	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	/**
	 * Converts an argument to a type.
	 * @param <T> the type
	 * @param index the argument's position, from 0
	 * @param type the type
	 * @return the converted argument, {@code null} for a JSON null
	 * @throws IllegalArgumentException when the argument cannot be converted to the type
	 */
	public <T> @Nullable T get(int index, Class<T> type) {
		Object value = value(index);
		try {
			return (value instanceof JsonNode node) ? this.mapper.treeToValue(node, type)
					: this.mapper.convertValue(value, type);
		}
		catch (JacksonException ex) {
			throw conversionFailure(index, type.getName(), ex);
		}
	}

	/**
	 * Converts an argument to a generic type.
	 * @param <T> the type
	 * @param index the argument's position, from 0
	 * @param type the type
	 * @return the converted argument, {@code null} for a JSON null
	 * @throws IllegalArgumentException when the argument cannot be converted to the type
	 */
	public <T> @Nullable T get(int index, TypeReference<T> type) {
		Object value = value(index);
		try {
			return (value instanceof JsonNode node) ? this.mapper.treeToValue(node, this.mapper.constructType(type))
					: this.mapper.convertValue(value, type);
		}
		catch (JacksonException ex) {
			throw conversionFailure(index, type.getType().getTypeName(), ex);
		}
	}

	/**
	 * An argument as a JSON tree; binary attachments are binary nodes.
	 * @param index the argument's position, from 0
	 * @return the tree
	 */
	public JsonNode json(int index) {
		Object value = value(index);
		return (value instanceof JsonNode node) ? node : this.mapper.valueToTree(value);
	}

	/**
	 * A binary argument.
	 * @param index the argument's position, from 0
	 * @return the bytes
	 * @throws IllegalArgumentException when the argument is not binary
	 */
	public byte[] bytes(int index) {
		Object value = value(index);
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		JsonNode node = json(index);
		if (node.isBinary()) {
			return node.binaryValue();
		}
		if (node instanceof POJONode pojo && pojo.getPojo() instanceof byte[] bytes) {
			return bytes;
		}
		throw new IllegalArgumentException("Argument " + index + " is not binary but " + node.getNodeType());
	}

	/**
	 * The arguments as plain Java values: {@code Map}, {@code List}, {@code String}, {@code Number},
	 * {@code Boolean}, {@code null} and {@code byte[]}.
	 * @return the values
	 */
	public List<@Nullable Object> toList() {
		List<@Nullable Object> list = new ArrayList<>(this.values.size());
		for (int i = 0; i < this.values.size(); i++) {
			list.add(plain(json(i)));
		}
		return list;
	}

	/**
	 * The raw values: JSON nodes for received arguments, the Java objects for arguments to send.
	 * @return the values
	 */
	public List<?> values() {
		return this.values;
	}

	private @Nullable Object value(int index) {
		if (index < 0 || index >= this.values.size()) {
			throw new IndexOutOfBoundsException(
					"No argument " + index + ": there " + ((this.values.size() == 1) ? "is 1" : "are " + this.values.size()));
		}
		return this.values.get(index);
	}

	private static @Nullable Object plain(JsonNode node) {
		if (node.isObject()) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				map.put(property.getKey(), plain(property.getValue()));
			}
			return map;
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(plain(element));
			}
			return list;
		}
		if (node.isBinary()) {
			return node.binaryValue();
		}
		if (node instanceof POJONode pojo) {
			return pojo.getPojo();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return null;
	}

	private IllegalArgumentException conversionFailure(int index, String type, JacksonException ex) {
		return new IllegalArgumentException(
				"Argument " + index + " cannot be converted to " + type + ": " + ex.getOriginalMessage(), ex);
	}

	@Override
	public String toString() {
		return "Arguments" + this.values;
	}

}
