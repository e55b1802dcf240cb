package dev.paperplane.bootstrap.command;

import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.CommandLine;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code dist}: listed here for {@code --help}, but run by the {@code ./paperplane} launcher itself, because it
 * packages this very program (jlink and tar) from the source tree.
 */
public final class DistCommand implements Command {

    @Override
    public String name() {
        return "dist";
    }

    @Override
    public String summary() {
        return "build the self-contained archive target/paperplane-<version>.tar.gz (its own Java runtime)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("usage: " + CommandLine.PROGRAM + " dist\n"
                    + "Builds the project, then target/paperplane-<version>.tar.gz: bin/paperplane, a jlink runtime of the\n"
                    + "JDK modules paperplane needs, its modules in lib/, the default configuration in conf/ and the docs.\n"
                    + "Built twice from one commit, the archive has the same bytes. Prints its path as the last line.\n"
                    + "example: " + CommandLine.PROGRAM + " dist");
            return 0;
        }
        throw UserError.usage("'dist' packages the source tree, so only the launcher can run it: run "
                + CommandLine.PROGRAM + " dist from the repository root");
    }
}
