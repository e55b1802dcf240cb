package dev.paperplane.bootstrap.command;

import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.CommandLine;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.PrintStream;
import java.util.List;

/**
 * A command listed here for {@code --help} but run by the {@code ./paperplane} launcher itself ({@code test},
 * {@code dist}), because it builds this very program with Maven before any Java code of it can start.
 */
public final class LauncherCommand implements Command {

    private final String name;
    private final String summary;
    private final String help;
    private final String why;

    private LauncherCommand(String name, String summary, String help, String why) {
        this.name = name;
        this.summary = summary;
        this.help = help;
        this.why = why;
    }

    /** {@code test}: Maven verify over every module. */
    public static LauncherCommand test() {
        return new LauncherCommand("test",
                "build everything and run all tests (Maven verify; extra arguments go to Maven)",
                "usage: " + CommandLine.PROGRAM + " test [Maven arguments]\n"
                        + "Builds every module and runs all tests (./mvnw -B verify) with the JDK the launcher finds;\n"
                        + "extra arguments go to Maven. Run from the repository root.\n"
                        + "example: " + CommandLine.PROGRAM + " test -pl bootstrap -am",
                "runs Maven");
    }

    /** {@code dist}: the reproducible self-contained archive. */
    public static LauncherCommand dist() {
        return new LauncherCommand("dist",
                "build the self-contained archive target/paperplane-<version>.tar.gz (its own Java runtime)",
                "usage: " + CommandLine.PROGRAM + " dist\n"
                        + "Builds the project, then target/paperplane-<version>.tar.gz: bin/paperplane, a jlink runtime of the\n"
                        + "JDK modules paperplane needs, its modules in lib/, the default configuration in conf/ and the docs.\n"
                        + "Built twice from one commit, the archive has the same bytes. Prints its path as the last line.\n"
                        + "example: " + CommandLine.PROGRAM + " dist",
                "packages the source tree");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println(help);
            return 0;
        }
        throw UserError.usage("'" + name + "' " + why + ", so only the launcher can run it: run "
                + CommandLine.PROGRAM + " " + name + " from the repository root");
    }
}
