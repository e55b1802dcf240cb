package dev.paperplane.bootstrap;

import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.CommandLine;
import dev.paperplane.bootstrap.cli.GlobalOptions;
import dev.paperplane.bootstrap.command.ConfigShowCommand;
import dev.paperplane.bootstrap.command.CopyCommand;
import dev.paperplane.bootstrap.command.DemoCommand;
import dev.paperplane.bootstrap.command.FeedImportCommand;
import dev.paperplane.bootstrap.command.FeedSynthCommand;
import dev.paperplane.bootstrap.command.KeygenCommand;
import dev.paperplane.bootstrap.command.LauncherCommand;
import dev.paperplane.bootstrap.command.LogCheckCommand;
import dev.paperplane.bootstrap.command.ObserveCommand;
import dev.paperplane.bootstrap.command.RunCommand;
import dev.paperplane.bootstrap.command.VerifyCommand;
import dev.paperplane.bootstrap.command.VersionCommand;
import dev.paperplane.bootstrap.logging.Logging;
import dev.paperplane.bootstrap.progress.Terminal;
import java.util.List;

/** Entry point of the {@code paperplane} command line; started by the {@code ./paperplane} launcher. */
public final class Main {

    private Main() {
    }

    /**
     * Every command, one entry each ({@code --help} is built in). To add a command, implement
     * {@link Command} and add it here; keep the list in the order {@code --help} prints it (by name).
     */
    static List<Command> commands() {
        return List.of(
                VersionCommand.ofRunningJvm(),
                new ConfigShowCommand(),
                new CopyCommand(),
                new DemoCommand(),
                LauncherCommand.dist(),
                new FeedImportCommand(),
                new FeedSynthCommand(),
                new KeygenCommand(),
                new LogCheckCommand(),
                new ObserveCommand(),
                new RunCommand(),
                LauncherCommand.test(),
                new VerifyCommand());
    }

    /** Process-wide effects of the global options: where logs go and whether progress is drawn. */
    private static void setUp(GlobalOptions options) {
        Logging.configure(options.logFormat(), options.debug());
        if (options.noProgress()) {
            Terminal.disableProgress();
        }
    }

    /** Runs the command named by {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        int exitCode = new CommandLine(commands(), Main::setUp).run(List.of(args), System.out, System.err);
        System.out.flush();
        System.exit(exitCode);
    }
}
