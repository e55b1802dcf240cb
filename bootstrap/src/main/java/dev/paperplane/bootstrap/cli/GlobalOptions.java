package dev.paperplane.bootstrap.cli;

import dev.paperplane.bootstrap.logging.LogFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options every command accepts, anywhere on the line: taken out before the command sees its arguments.
 *
 * @param debug      show the stack trace of an unexpected error (and of logged exceptions)
 * @param noProgress never draw progress, even on a terminal
 * @param logFormat  how log events are written
 * @param rest       the remaining arguments, in order
 */
public record GlobalOptions(boolean debug, boolean noProgress, LogFormat logFormat, List<String> rest) {
    /** Help lines for {@code --help}. */
    public static final String HELP = """
              --debug              show the stack trace of an unexpected error
              --no-progress        never draw progress lines (they are drawn only when stderr is a terminal)
              --log-format F       log events as one line of text (default) or json""";

    public GlobalOptions {
        rest = List.copyOf(rest);
    }

    /** Separates the global options from {@code args}. */
    public static GlobalOptions parse(List<String> args) {
        boolean debug = false;
        boolean noProgress = false;
        LogFormat format = LogFormat.TEXT;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--debug")) {
                debug = true;
            } else if (arg.equals("--no-progress")) {
                noProgress = true;
            } else if (arg.equals("--log-format")) {
                if (i + 1 >= args.size()) {
                    throw UserError.usage("--log-format needs a value: text or json");
                }
                format = logFormat(args.get(++i));
            } else if (arg.startsWith("--log-format=")) {
                format = logFormat(arg.substring("--log-format=".length()));
            } else {
                rest.add(arg);
            }
        }
        return new GlobalOptions(debug, noProgress, format, rest);
    }

    /** The format named {@code name} ({@code text} or {@code json}), or a usage error. */
    private static LogFormat logFormat(String name) {
        try {
            return LogFormat.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--log-format must be text or json, was '" + name + "'");
        }
    }
}
