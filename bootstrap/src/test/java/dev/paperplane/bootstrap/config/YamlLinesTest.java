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
        assertThat(YamlLines.lineOf(YAML, "paperplane.fees.fee-bps")).hasValue(4);
    }

    @Test
    void findsKeysInsideSequenceItemsAndFlowMappings() {
        assertThat(YamlLines.lineOf(YAML, "paperplane.strategies.0.id")).hasValue(6);
        assertThat(YamlLines.lineOf(YAML, "paperplane.strategies.0.params.slow")).hasValue(7);
        assertThat(YamlLines.lineOf(YAML, "paperplane.strategies.1.params.window")).hasValue(10);
    }

    @Test
    void aKeyThatIsNotThereHasNoLine() {
        assertThat(YamlLines.lineOf(YAML, "paperplane.risk.max-short")).isEmpty();
    }
}
