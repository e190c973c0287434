package io.github.springsocketio.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's YAML reference lists every key of the generated configuration metadata with its
 * default, so that the two cannot drift apart.
 */
class ReadmeYamlReferenceTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(socketio\\.[^`]+)` \\| (`([^`]*)`)? \\|", Pattern.MULTILINE);

	@Test
	void listsEveryKeyWithItsDefault() throws IOException {
		Map<String, String> documented = new LinkedHashMap<>();
		Matcher row = ROW.matcher(Files.readString(readme()));
		while (row.find()) {
			documented.put(row.group(1), (row.group(3) != null) ? row.group(3) : "");
		}
		Map<String, String> generated = new LinkedHashMap<>();
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).get("properties")) {
				String name = property.get("name").stringValue();
				if (name.startsWith("socketio.")) {
					generated.put(name, text(property.get("defaultValue")));
				}
			}
		}
		assertThat(documented).isEqualTo(generated);
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			StringBuilder list = new StringBuilder("[");
			for (JsonNode element : value) {
				list.append((list.length() > 1) ? ", " : "").append(element.asString());
			}
			return list.append(']').toString();
		}
		return value.asString();
	}

	private static Path readme() {
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("socketio-autoconfigure"))) {
				return dir.resolve("README.md");
			}
		}
		throw new IllegalStateException("README.md not found above " + Paths.get("").toAbsolutePath());
	}

}
