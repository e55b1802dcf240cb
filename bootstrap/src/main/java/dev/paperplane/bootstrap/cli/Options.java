package dev.paperplane.bootstrap.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code --name value} options of one command, checked against the names it accepts: an unknown option, a
 * missing value or a repeated option is a usage error naming it.
 */
public final class Options {
    private final String command;
    private final Map<String, String> values;

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /** Parses {@code args} for {@code command}, which accepts the option names in {@code accepted}. */
    public static Options parse(String command, List<String> args, Set<String> accepted) {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else if (arg.startsWith("--")) {
                name = arg.substring(2);
                if (!accepted.contains(name)) {
                    throw unknown(command, arg, accepted);
                }
                if (i + 1 >= args.size()) {
                    throw UserError.usage(command + ": option --" + name + " needs a value");
                }
                value = args.get(++i);
            } else {
                throw UserError.usage(command + ": unexpected argument '" + arg + "'; options are "
                        + names(accepted) + " (see " + CommandLine.PROGRAM + " " + command + " --help)");
            }
            if (!accepted.contains(name)) {
                throw unknown(command, arg, accepted);
            }
            if (values.put(name, value) != null) {
                throw UserError.usage(command + ": option --" + name + " is given twice");
            }
        }
        return new Options(command, values);
    }

    /** Whether {@code args} ask for the command's help. */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** The command whose options these are, for messages. */
    public String command() {
        return command;
    }

    /** The option's value, if given. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The option's value, or a usage error saying it is required. */
    public String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw UserError.usage(command + ": option --" + name + " is required (see " + CommandLine.PROGRAM + " "
                    + command + " --help)");
        }
        return value;
    }

    /** The option's value as a whole number within [min, max], or {@code fallback} when not given. */
    public long number(String name, long fallback, long min, long max) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw UserError.usage(command + ": --" + name + " must be a whole number, was '" + text + "'");
        }
        if (value < min || value > max) {
            throw UserError.usage(command + ": --" + name + " must be within " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    private static UserError unknown(String command, String arg, Set<String> accepted) {
        return UserError.usage(command + ": unknown option '" + arg + "'; options are " + names(accepted));
    }

    private static String names(Set<String> accepted) {
        Set<String> sorted = new TreeSet<>(accepted);
        return String.join(", ", sorted.stream().map(n -> "--" + n).toList());
    }
}
