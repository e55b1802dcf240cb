package dev.paperplane.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the line of a key in YAML text, for error messages. */
class YamlLinesTest {
    private static final String YAML = """
            # comment
            paperplane:
              fees:
                fee-bps: 10   # trailing comment
              strategies:
                - id: "a"
                  params: { fast: "5", slow: "20" }
                - id: "b"
                  params:
                    window: "20"
            """;

    @Test
    void findsNestedMappingKeys() {
        assertThat(YamlLines.index(YAML)).containsEntry("paperplane.fees.fee-bps", 4);
    }

    @Test
    void findsKeysInsideSequenceItemsAndFlowMappings() {
        assertThat(YamlLines.index(YAML)).containsEntry("paperplane.strategies.0.id", 6);
        assertThat(YamlLines.index(YAML)).containsEntry("paperplane.strategies.0.params.slow", 7);
        assertThat(YamlLines.index(YAML)).containsEntry("paperplane.strategies.1.params.window", 10);
    }

    @Test
    void aKeyThatIsNotThereHasNoLine() {
        assertThat(YamlLines.index(YAML)).doesNotContainKey("paperplane.risk.max-short");
    }
}
