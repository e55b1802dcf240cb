package dev.paperplane.bootstrap;

import dev.paperplane.bootstrap.cli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs the paperplane command line in this JVM, as {@code Main} does, capturing what it prints. */
public final class Cli {

    private Cli() {
    }

    /**
     * The outcome of one command.
     *
     * @param exitCode the process exit code {@code Main} would exit with
     * @param out      everything printed on standard output
     * @param err      everything printed on standard error
     */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    /** Runs the command named by {@code args}; each argument is passed as its {@code toString()}. */
    public static Result run(Object... args) {
        List<String> words = Arrays.stream(args).map(String::valueOf).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new CommandLine(Main.commands()).run(words, o, e);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command and returns its result, failing with its output unless it exited 0. */
    public static Result ok(Object... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("expected " + Arrays.toString(args) + " to succeed, got " + result);
        }
        return result;
    }
}
