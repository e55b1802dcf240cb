package dev.paperplane.bootstrap.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Dispatches the arguments to the registered command and owns {@code --help}. */
public final class CommandLine {

    /** How the user invokes paperplane; used in hints. */
    public static final String PROGRAM = "./paperplane";

    /** Exit code for an unexpected failure (a bug). */
    public static final int UNEXPECTED = 70;

    private static final String HELP_HINT = "run " + PROGRAM + " --help for the list of commands";

    private final SortedMap<String, Command> commands = new TreeMap<>();
    private final Consumer<GlobalOptions> setup;

    /** A command line over the given commands plus {@code --help}; names must be unique. */
    public CommandLine(List<Command> commands) {
        this(commands, options -> { });
    }

    /**
     * A command line that hands the global options to {@code setup} (logging, progress) before running a command.
     */
    public CommandLine(List<Command> commands, Consumer<GlobalOptions> setup) {
        this.setup = setup;
        register(new HelpCommand());
        commands.forEach(this::register);
    }

    private void register(Command command) {
        String name = command.name();
        if (name.isBlank() || !name.equals(name.strip()) || name.contains("  ")) {
            throw new IllegalArgumentException("command name must be words separated by single spaces: '" + name + "'");
        }
        if (commands.putIfAbsent(name, command) != null) {
            throw new IllegalArgumentException("two commands are named '" + name + "'");
        }
    }

    /** The registered commands, sorted by name. */
    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    /** Runs the command the arguments name and returns the process exit code. */
    public int run(List<String> allArgs, PrintStream out, PrintStream err) {
        boolean debug = allArgs.contains("--debug");
        try {
            GlobalOptions global = GlobalOptions.parse(allArgs);
            List<String> args = global.rest();
            if (args.isEmpty()) {
                err.println("paperplane: no command given; " + HELP_HINT);
                return UserError.USAGE;
            }
            setup.accept(global);
            Command command = lookUp(args);
            int words = command.name().split(" ").length;
            return command.run(List.copyOf(args.subList(words, args.size())), out, err);
        } catch (UserError e) {
            err.println("paperplane: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            if (debug) {
                e.printStackTrace(err);
            }
            err.println("paperplane: unexpected error, a bug in paperplane: " + e
                    + (debug ? "" : "; run the same command with --debug for the stack trace")
                    + ", and please report it with that trace");
            return UNEXPECTED;
        }
    }

    private Command lookUp(List<String> args) {
        Command best = null;
        for (Command candidate : commands.values()) {
            List<String> words = Arrays.asList(candidate.name().split(" "));
            boolean matches = words.size() <= args.size() && args.subList(0, words.size()).equals(words);
            if (matches && (best == null || words.size() > best.name().split(" ").length)) {
                best = candidate;
            }
        }
        if (best != null) {
            return best;
        }
        String first = args.get(0);
        List<String> subcommands = new ArrayList<>();
        for (String name : commands.keySet()) {
            if (name.startsWith(first + " ")) {
                subcommands.add(name);
            }
        }
        if (!subcommands.isEmpty()) {
            throw UserError.usage("'" + String.join(" ", args) + "' is not a command; did you mean "
                    + String.join(" or ", subcommands.stream().map(n -> "'" + n + "'").toList()) + "?");
        }
        throw UserError.usage("unknown command '" + first + "'; " + HELP_HINT);
    }

    /** Lists every command with its summary. */
    private final class HelpCommand implements Command {

        @Override
        public String name() {
            return "--help";
        }

        @Override
        public String summary() {
            return "list the commands";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            if (!args.isEmpty() && !Options.wantsHelp(args)) {
                throw UserError.usage("--help takes no arguments");
            }
            int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
            out.println("usage: " + PROGRAM + " <command> [arguments]");
            out.println();
            out.println("paperplane: a deterministic paper-trading runtime with a hash-chained audit log.");
            out.println();
            out.println("commands:");
            for (Map.Entry<String, Command> entry : commands.entrySet()) {
                out.println("  " + pad(entry.getKey(), width) + "  " + entry.getValue().summary());
            }
            out.println();
            out.println("options of every command:");
            out.println(GlobalOptions.HELP);
            out.println();
            out.println("Each command answers --help with its options and an example.");
            out.println("example: " + PROGRAM + " run --help");
            return 0;
        }

        private static String pad(String text, int width) {
            return text + " ".repeat(width - text.length());
        }
    }
}
