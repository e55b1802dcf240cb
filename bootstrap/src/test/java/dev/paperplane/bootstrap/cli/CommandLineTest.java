package dev.paperplane.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** A command that records the arguments it was given. */
    private static class Recording implements Command {
        private final String name;
        final List<List<String>> calls = new ArrayList<>();

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return "summary of " + name;
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            calls.add(args);
            return 0;
        }
    }

    private int run(CommandLine commandLine, String... args) {
        return commandLine.run(List.of(args), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandWithItsSummarySortedByName() {
        CommandLine commandLine = new CommandLine(List.of(new Recording("run"), new Recording("demo")));

        assertThat(run(commandLine, "--help")).isZero();

        assertThat(out()).containsSubsequence(
                "--help  list the commands",
                "demo    summary of demo",
                "run     summary of run");
        assertThat(err()).isEmpty();
    }

    @Test
    void commandReceivesOnlyTheArgumentsAfterItsName() {
        Recording run = new Recording("run");
        CommandLine commandLine = new CommandLine(List.of(run));

        assertThat(run(commandLine, "run", "--config", "a.yaml")).isZero();

        assertThat(run.calls).containsExactly(List.of("--config", "a.yaml"));
    }

    @Test
    void longestMatchingMultiWordNameWins() {
        Recording feed = new Recording("feed");
        Recording feedSynth = new Recording("feed synth");
        CommandLine commandLine = new CommandLine(List.of(feed, feedSynth));

        run(commandLine, "feed", "synth", "--bars", "10");

        assertThat(feedSynth.calls).containsExactly(List.of("--bars", "10"));
        assertThat(feed.calls).isEmpty();
    }

    @Test
    void unknownCommandIsOneLineWithHintToHelpAndExitCodeTwo() {
        CommandLine commandLine = new CommandLine(List.of(new Recording("run")));

        assertThat(run(commandLine, "launch")).isEqualTo(2);

        assertThat(err()).isEqualTo(
                "paperplane: unknown command 'launch'; run ./paperplane --help for the list of commands"
                        + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void firstWordOfMultiWordCommandAloneSuggestsTheFullNames() {
        CommandLine commandLine = new CommandLine(List.of(new Recording("feed synth")));

        assertThat(run(commandLine, "feed")).isEqualTo(2);

        assertThat(err()).contains("did you mean 'feed synth'?");
    }

    @Test
    void noCommandIsAUsageError() {
        CommandLine commandLine = new CommandLine(List.of());

        assertThat(run(commandLine)).isEqualTo(2);

        assertThat(err()).startsWith("paperplane: no command given;").contains("--help");
    }

    @Test
    void userErrorIsPrintedAsOneLineWithItsExitCodeAndNoStackTrace() {
        Command failing = new Recording("verify") {
            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                throw new UserError("audit.jsonl line 3: hash chain broken; restore the file from backup");
            }
        };
        CommandLine commandLine = new CommandLine(List.of(failing));

        assertThat(run(commandLine, "verify")).isEqualTo(1);

        assertThat(err()).isEqualTo("paperplane: audit.jsonl line 3: hash chain broken; restore the file from backup"
                + System.lineSeparator());
    }

    @Test
    void twoCommandsWithTheSameNameAreRejected() {
        List<Command> commands = List.of(new Recording("run"), new Recording("run"));

        assertThatThrownBy(() -> new CommandLine(commands))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'run'");
    }

    @Test
    void commandCannotReplaceTheBuiltInHelp() {
        List<Command> commands = List.of(new Recording("--help"));

        assertThatThrownBy(() -> new CommandLine(commands)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helpRejectsArguments() {
        CommandLine commandLine = new CommandLine(List.of());

        assertThat(run(commandLine, "--help", "run")).isEqualTo(2);

        assertThat(err()).isEqualTo("paperplane: --help takes no arguments" + System.lineSeparator());
    }

    /** A command that fails with an exception nobody anticipated. */
    private static final class Failing extends Recording {
        Failing() {
            super("fail");
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            throw new IllegalStateException("invariant broken");
        }
    }

    @Test
    void anUnexpectedErrorIsOneLineSayingItIsABugAndHowToSeeTheStackTrace() {
        int code = run(new CommandLine(List.of(new Failing())), "fail");

        assertThat(code).isEqualTo(CommandLine.UNEXPECTED);
        assertThat(err()).isEqualTo("paperplane: unexpected error, a bug in paperplane: java.lang.IllegalStateException:"
                + " invariant broken; run the same command with --debug for the stack trace, and please report it with"
                + " that trace" + System.lineSeparator());
    }

    @Test
    void withDebugAnUnexpectedErrorShowsItsStackTrace() {
        int code = run(new CommandLine(List.of(new Failing())), "fail", "--debug");

        assertThat(code).isEqualTo(CommandLine.UNEXPECTED);
        assertThat(err()).contains("java.lang.IllegalStateException: invariant broken", "\tat ");
    }

    @Test
    void anUnknownLogFormatIsAUsageErrorSayingWhatIsAllowed() {
        assertThatThrownBy(() -> GlobalOptions.parse(List.of("--log-format", "xml"))).isInstanceOf(UserError.class)
                .hasMessageContaining("text or json");
    }

    @Test
    void globalOptionsAreTakenOutAnywhereAndHandedToTheSetUp() {
        Recording run = new Recording("run");
        List<GlobalOptions> seen = new ArrayList<>();

        run(new CommandLine(List.of(run), seen::add), "--no-progress", "run", "--data", "d", "--log-format", "json", "--debug");

        assertThat(run.calls).containsExactly(List.of("--data", "d"));
        assertThat(seen).singleElement().satisfies(g -> {
            assertThat(g.debug()).isTrue();
            assertThat(g.noProgress()).isTrue();
            assertThat(g.logFormat()).isEqualTo(dev.paperplane.bootstrap.logging.LogFormat.JSON);
        });
    }
}
