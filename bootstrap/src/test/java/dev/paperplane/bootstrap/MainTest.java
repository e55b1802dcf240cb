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
                .containsExactly("--help", "--version", "config show", "copy", "demo", "dist", "feed import",
                        "feed synth", "keygen", "log check", "observe", "run",
                        "test", "verify");
    }

    @Test
    void commandTableIsKeptInTheOrderHelpPrintsIt() {
        assertThat(Main.commands()).extracting(Command::name).isSorted();
    }

    @Test
    void everyCommandAnswersHelpWithItsUsageAndAnExample() {
        for (Command command : new CommandLine(Main.commands()).commands()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
            int code = new CommandLine(Main.commands()).run(
                    java.util.stream.Stream.concat(java.util.Arrays.stream(command.name().split(" ")),
                            java.util.stream.Stream.of("--help")).toList(), print, print);

            assertThat(code).as(command.name() + " --help").isZero();
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).as(command.name() + " --help")
                    .contains("usage: ./paperplane").contains("example: ./paperplane");
        }
    }
}
