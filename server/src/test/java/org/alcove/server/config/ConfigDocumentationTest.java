package org.alcove.server.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defaults file and the README's configuration table must describe every setting. */
class ConfigDocumentationTest {

    private static final Path DEFAULTS = Path.of("src/main/resources/alcove-defaults.properties");
    private static final Path README = Path.of("../README.md");

    @Test
    void every_setting_has_a_comment_line_right_above_it() throws Exception {
        List<String> lines = Files.readAllLines(DEFAULTS);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#")) {
                assertTrue(i > 0 && lines.get(i - 1).startsWith("# "), "no comment above: " + line);
            }
        }
    }

    @Test
    void readme_lists_every_environment_variable_with_its_default() throws Exception {
        String readme = Files.readString(README);
        Properties defaults = ConfigLoader.defaults();
        for (String key : defaults.stringPropertyNames()) {
            String env = ConfigLoader.envName(key);
            String value = defaults.getProperty(key);
            String expected = "| `" + env + "` | " + (value.isEmpty() ? "(empty)" : "`" + value + "`") + " |";
            assertTrue(readme.contains(expected), "README configuration table lacks or misstates " + env);
        }
    }
}
