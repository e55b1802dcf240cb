package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.CommandLine;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void registersEveryCommand() {
        assertThat(new CommandLine(Main.commands()).commands())
                .extracting(Command::name)
                .containsExactly("--help", "--version", "copy", "demo", "feed synth", "observe", "run", "test", "verify");
    }

    @Test
    void commandTableIsKeptInTheOrderHelpPrintsIt() {
        assertThat(Main.commands()).extracting(Command::name).isSorted();
    }
}
