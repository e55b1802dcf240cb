package dev.paperplane.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JVM that an independent check runs, with no code of ours: python3 for the checks
 * written from the docs, Go's own transparency-log packages for the stock tlog-tiles client.
 *
 * @param command     the executable, looked up on the PATH
 * @param probe       arguments that succeed only when the program and what the checks need are installed
 * @param install     how to install it, for the message when it is missing
 * @param environment variables set for every run
 * @param boundSeconds how long one run may take
 */
public record ExternalProgram(String command, List<String> probe, String install, Map<String, String> environment,
                              long boundSeconds) {

    /** python3. */
    public static final ExternalProgram PYTHON = new ExternalProgram("python3", List.of("--version"),
            "apt-get install python3", Map.of(), ChildJvm.BOUND_SECONDS);

    /**
     * The Go toolchain in GOPATH mode over Debian's packaged sources of golang.org/x/mod, so it builds offline
     * and without a module download; a first build compiles net/http, hence the longer bound.
     */
    public static final ExternalProgram GO = new ExternalProgram("go",
            List.of("list", "golang.org/x/mod/sumdb/note", "golang.org/x/mod/sumdb/tlog"),
            "apt-get install golang-go golang-golang-x-mod-dev",
            Map.of("GO111MODULE", "off", "GOPATH", "/usr/share/gocode", "GOFLAGS", "", "GOPROXY", "off"), 300);

    /** Skips the calling test when the program is missing, except on CI, where {@code check} must run. */
    public void require(String check) throws InterruptedException {
        String missing;
        try {
            Cli.Result probed = run(probe.toArray(String[]::new));
            missing = probed.exitCode() == 0 ? null
                    : command + " " + String.join(" ", probe) + " exited " + probed.exitCode() + ": " + probed.err();
        } catch (IOException e) {
            missing = command + " is not installed (" + e.getMessage() + ")";
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must run " + check + ", but " + missing + " (" + install + ")");
            }
            Assumptions.abort("skipped: " + missing + "; " + check + " needs it (" + install + ")");
        }
    }

    /** Runs {@code command args…} to its end, within {@link #boundSeconds}. */
    public Cli.Result run(String... args) throws IOException, InterruptedException {
        String name = Path.of(command).getFileName() + "-";
        Path out = Files.createTempFile(name, ".out");
        Path err = Files.createTempFile(name, ".err");
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(boundSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError(command + " did not finish within " + boundSeconds + " s");
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
