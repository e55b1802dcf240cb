package dev.paperplane.bootstrap.command;

import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.CommandLine;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code test}: listed here for {@code --help}, but run by the {@code ./paperplane} launcher itself, because
 * it builds this very program with Maven before any Java code of it can start.
 */
public final class TestCommand implements Command {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "build everything and run all tests (Maven verify; extra arguments go to Maven)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("usage: " + CommandLine.PROGRAM + " test [Maven arguments]\n"
                    + "Builds every module and runs all tests (./mvnw -B verify) with the JDK the launcher finds;\n"
                    + "extra arguments go to Maven. Run from the repository root.\n"
                    + "example: " + CommandLine.PROGRAM + " test -pl bootstrap -am");
            return 0;
        }
        throw UserError.usage("'test' runs Maven, so only the launcher can run it: run "
                + CommandLine.PROGRAM + " test from the repository root");
    }
}
