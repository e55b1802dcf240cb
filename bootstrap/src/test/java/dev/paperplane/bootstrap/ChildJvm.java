package dev.paperplane.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code paperplane} ({@link Main}) in a child JVM on this JVM's class path. Output goes to files, so a child
 * never blocks on a full pipe; every wait is bounded and a child that outlives its bound is killed.
 */
public final class ChildJvm {
    /** The longest any child may take; far beyond what a test's child needs, so it only stops a hang. */
    public static final long BOUND_SECONDS = 60;

    private static final List<String> FAST_START = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    private ChildJvm() {
    }

    /** A running child; closing it kills it if it still runs. */
    public static final class Child implements AutoCloseable {
        private final Process process;
        private final Path out;
        private final Path err;

        private Child(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** The child's process. */
        public Process process() {
            return process;
        }

        /** Waits (bounded) for the child to exit and returns what it printed. */
        public Cli.Result await() throws InterruptedException {
            if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                close();
                throw new AssertionError("the child JVM did not exit within " + BOUND_SECONDS + " s: " + output());
            }
            return output();
        }

        /** Kills the child with SIGKILL and waits (bounded) until it is gone. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the child JVM " + process.pid() + " survived SIGKILL for " + BOUND_SECONDS + " s");
            }
        }

        private Cli.Result output() {
            int exit = process.isAlive() ? -1 : process.exitValue();
            try {
                return new Cli.Result(exit, Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    /**
     * Starts {@code paperplane args} in a child JVM with the extra {@code jvmOptions}; its output goes to files in
     * {@code logs}.
     */
    public static Child start(Path logs, List<String> jvmOptions, Object... args) throws IOException {
        return start(logs, List.of(), jvmOptions, args);
    }

    /**
     * {@link #start(Path, List, Object...)} under {@code launcher}, a command that runs the rest of its arguments
     * (such as {@code prlimit --fsize=N --}, to give the child a limit of its own).
     */
    public static Child start(Path logs, List<String> launcher, List<String> jvmOptions, Object... args)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(javaBinary());
        command.addAll(FAST_START);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        Arrays.stream(args).map(String::valueOf).forEach(command::add);
        Files.createDirectories(logs);
        Path out = Files.createTempFile(logs, "child-", ".out");
        Path err = Files.createTempFile(logs, "child-", ".err");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Child(process, out, err);
    }

    /** Runs {@code paperplane args} in a child JVM to its end (bounded) and returns what it printed. */
    public static Cli.Result run(Path logs, List<String> jvmOptions, Object... args) throws IOException, InterruptedException {
        return run(logs, List.of(), jvmOptions, args);
    }

    /** Runs {@code paperplane args} in a child JVM under {@code launcher} to its end (bounded). */
    public static Cli.Result run(Path logs, List<String> launcher, List<String> jvmOptions, Object... args)
            throws IOException, InterruptedException {
        try (Child child = start(logs, launcher, jvmOptions, args)) {
            return child.await();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
