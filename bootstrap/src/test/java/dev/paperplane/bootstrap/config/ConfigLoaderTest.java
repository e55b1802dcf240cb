package dev.paperplane.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.bootstrap.Fixtures;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.strategy.StrategySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the YAML configuration: the bundled default, and refusals that name the key and the source. */
class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void theBundledDefaultLoadsWithTwoStrategiesOnThePaperPlane() {
        PaperplaneConfig config = ConfigLoader.defaults();

        assertThat(config.runtime().plane()).isEqualTo(ExecutionPlane.PAPER);
        assertThat(config.runtime().strategies()).extracting(StrategySpec::id, StrategySpec::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ma-5-20", "ma-crossover"),
                        org.assertj.core.groups.Tuple.tuple("band-20", "mean-reversion"));
        assertThat(config.snapshotEvery()).isEqualTo(10_000);
        assertThat(config.segmentBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.source()).isEqualTo("the bundled default configuration");
    }

    @Test
    void aFileWithTheDefaultTextLoadsTheSameRuntimeConfiguration() throws IOException {
        Path copy = file("copy.yaml", Fixtures.defaultYaml());

        assertThat(ConfigLoader.load(copy).runtime()).isEqualTo(ConfigLoader.defaults().runtime());
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheKeyAndTheSource() throws IOException {
        Path typo = file("typo.yaml", Fixtures.yaml("    fee-bps: 10", "    fee-bsp: 10"));

        assertThatThrownBy(() -> ConfigLoader.load(typo))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("configuration " + typo + ": unknown key 'paperplane.fees.fee-bsp'");
    }

    @Test
    void aValueThatIsNotAWholeNumberIsRefusedNamingTheKey() throws IOException {
        Path often = file("often.yaml", Fixtures.yaml("snapshot-every: 10000", "snapshot-every: often"));

        assertThatThrownBy(() -> ConfigLoader.load(often))
                .isInstanceOf(UserError.class)
                .hasMessage("configuration " + often + ", key 'paperplane.snapshot-every': 'often' is not a whole number");
    }

    @Test
    void aValueThatIsNotADecimalIsRefusedNamingTheKey() throws IOException {
        Path lots = file("lots.yaml", Fixtures.yaml("initial-cash: \"100000\"", "initial-cash: \"lots\""));

        assertThatThrownBy(() -> ConfigLoader.load(lots))
                .isInstanceOf(UserError.class)
                .hasMessage("configuration " + lots + ", key 'paperplane.initial-cash': 'lots' is not a plain decimal number");
    }

    @Test
    void aMissingKeyIsRefusedNamingIt() throws IOException {
        Path incomplete = file("incomplete.yaml", Fixtures.yaml("  initial-cash: \"100000\"\n", ""));

        assertThatThrownBy(() -> ConfigLoader.load(incomplete))
                .isInstanceOf(UserError.class)
                .hasMessage("configuration " + incomplete + ": key 'paperplane.initial-cash' is missing");
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path absent = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(absent))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("cannot read the configuration file " + absent);
    }
}
