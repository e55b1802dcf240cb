package dev.paperplane.bootstrap.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code paperplane} command: a class in {@code dev.paperplane.bootstrap.command}, registered with one line in
 * {@code Main.commands()}.
 *
 * <p>A name may have several words ({@code "feed synth"}); the command line picks the longest registered
 * name that the arguments start with and passes only the arguments after it.
 */
public interface Command {

    /** The name the user types, e.g. {@code "run"} or {@code "feed synth"}. */
    String name();

    /** One line for {@code --help}, starting lower case, no final period. */
    String summary();

    /**
     * Runs the command and returns the process exit code (0 on success); the process exits right after,
     * so a command that serves must block until it is done. Throw {@link UserError} for a mistake the user
     * can fix: it is printed as one line, without a stack trace.
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
