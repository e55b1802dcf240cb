package dev.paperplane.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.bootstrap.config.PaperplaneConfig.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** docs/configuration.md's table is the keys the code reads ({@link ConfigKey}), with the bundled defaults. */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void theTableListsEveryKeyTheCodeReadsWithItsVariableFlagAndDefault() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String table = expectedTable();

        assertThat(doc).as("docs/configuration.md must contain exactly this table (generated from ConfigKey)")
                .contains(table);
        assertThat(doc.lines().filter(l -> l.startsWith("| `paperplane.")).count())
                .as("rows for keys in docs/configuration.md").isEqualTo(ConfigKey.values().length);
    }

    @Test
    void everyScalarKeyOutsideTheStrategiesHasAFlagAndAVariable() {
        for (ConfigKey key : ConfigKey.values()) {
            boolean inList = ConfigKey.STRATEGIES.isPrefixOf(key.key());
            assertThat(key.flag().isPresent()).as(key.key()).isEqualTo(!inList);
            assertThat(key.environmentVariable().isPresent()).as(key.key()).isEqualTo(!inList);
        }
    }

    @Test
    void theBundledDefaultSetsOnlyKnownKeysAndEveryScalarKeyWithoutAFileDefault() {
        Map<String, String> defaults = defaults();
        for (ConfigKey key : ConfigKey.values()) {
            if (key.flag().isPresent() && !key.type().isOptional()) {
                assertThat(defaults).as("the bundled default sets " + key.key()).containsKey(key.key());
            }
        }
    }

    /** The table docs/configuration.md must hold. */
    static String expectedTable() {
        Map<String, String> defaults = defaults();
        StringBuilder table = new StringBuilder("| key | variable | flag | default | allowed | meaning |\n|---|---|---|---|---|---|\n");
        for (ConfigKey key : ConfigKey.values()) {
            String value;
            if (key == ConfigKey.STRATEGIES) {
                value = "the two below";
            } else if (ConfigKey.STRATEGIES.isPrefixOf(key.key())) {
                value = "";
            } else {
                value = defaults.getOrDefault(key.key(), "");
                value = value.isEmpty() ? "none" : "`" + value + "`";
            }
            table.append("| `").append(key.key()).append("` | ")
                    .append(key.environmentVariable().map(v -> "`" + v + "`").orElse("")).append(" | ")
                    .append(key.flag().map(f -> "`--" + f + "`").orElse("")).append(" | ")
                    .append(value).append(" | ")
                    .append(key.allowed()).append(" | ")
                    .append(key.meaning()).append(" |\n");
        }
        return table.toString();
    }

    private static Map<String, String> defaults() {
        Map<String, String> values = new TreeMap<>();
        for (Setting setting : ConfigLoader.defaults().settings()) {
            values.put(setting.key(), setting.value());
        }
        return values;
    }
}
