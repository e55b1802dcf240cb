package dev.paperplane.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs python3 for the independent checks: programs written from the docs alone, with no code of ours. */
public final class Python {

    private Python() {
    }

    /** Skips the calling test when python3 is missing, except on CI, where {@code check} must run. */
    public static void require(String check) throws InterruptedException {
        String missing;
        try {
            Cli.Result version = run("--version");
            missing = version.exitCode() == 0 ? null : "python3 --version exited " + version.exitCode();
        } catch (IOException e) {
            missing = "python3 is not installed (" + e.getMessage() + ")";
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must run " + check + ", but " + missing);
            }
            Assumptions.abort("skipped: " + missing + "; " + check + " needs python3");
        }
    }

    /** Runs {@code python3 args…} to its end, within {@link ChildJvm#BOUND_SECONDS}. */
    public static Cli.Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("python-", ".out");
        Path err = Files.createTempFile("python-", ".err");
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(ChildJvm.BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("python3 did not finish within " + ChildJvm.BOUND_SECONDS + " s");
            }
            return new Cli.Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The repository's root: the nearest directory at or above the working directory holding docs/. */
    public static Path repositoryRoot() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("docs/data-formats.md"))) {
                return at;
            }
        }
        throw new AssertionError("no docs/data-formats.md in " + Path.of("").toAbsolutePath() + " or above");
    }
}
