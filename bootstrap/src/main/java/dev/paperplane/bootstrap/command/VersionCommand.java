package dev.paperplane.bootstrap.command;

import dev.paperplane.bootstrap.cli.BuildInfo;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.CommandLine;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.PrintStream;
import java.util.List;

/** {@code --version}: the paperplane version, the commit it was built from and the Java runtime. */
public final class VersionCommand implements Command {

    private final BuildInfo build;
    private final String javaRuntime;

    /** Reports the given build and Java runtime description. */
    public VersionCommand(BuildInfo build, String javaRuntime) {
        this.build = build;
        this.javaRuntime = javaRuntime;
    }

    /** Reports this module's build info and the running JVM. */
    public static VersionCommand ofRunningJvm() {
        return new VersionCommand(BuildInfo.load(), Runtime.version() + " (" + System.getProperty("java.vendor")
                + ", " + System.getProperty("java.home") + ")");
    }

    @Override
    public String name() {
        return "--version";
    }

    @Override
    public String summary() {
        return "print the version, the git commit it was built from and the Java runtime";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("usage: " + CommandLine.PROGRAM + " --version\n"
                    + "Prints the paperplane version, the git commit it was built from and the Java runtime it runs on.\n"
                    + "example: " + CommandLine.PROGRAM + " --version");
            return 0;
        }
        if (!args.isEmpty()) {
            throw UserError.usage("--version takes no arguments");
        }
        out.println("paperplane " + build.version());
        out.println("commit " + build.commit());
        out.println("java " + javaRuntime);
        return 0;
    }
}
