package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained archive ({@code ./paperplane dist}, bootstrap/src/dist/make-dist.sh), built from the module
 * path this build packaged: two builds give the same bytes, and the archive, unpacked elsewhere, runs the commands
 * of docs/operations.md on its own runtime while {@code JAVA_HOME} points nowhere and the {@code java} first on
 * {@code PATH} fails if it is ever used. Runs after {@code package} (maven-failsafe-plugin).
 */
class DistributionIT {
    /** The longest one command may take; far beyond what it needs, so it only stops a hang. */
    private static final Duration COMMAND_BOUND = Duration.ofSeconds(60);
    /** jlink alone takes 15 to 25 s on two cores; a build may take this long before it counts as hung. */
    private static final Duration BUILD_BOUND = Duration.ofMinutes(5);
    /** Exit code of the fake {@code java} on PATH. */
    private static final int FAKE_JAVA_EXIT = 97;
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    static Path scratch;

    private static Path firstArchive;
    private static Path secondArchive;
    /** The unpacked archive, reached through a symlink as docs/operations.md installs it. */
    private static Path installed;
    private static Path work;
    private static Map<String, String> environment;

    @BeforeAll
    static void buildTwiceAndUnpack() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (!Files.isExecutable(javaHome.resolve("bin/jlink"))) {
            String why = "DistributionIT skipped: the JDK running the build (" + javaHome + ") has no bin/jlink";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + ", and under CI a skip is a failure: build with a full JDK");
            }
            Assumptions.abort(why);
        }
        Path root = Path.of(System.getProperty("paperplane.root", "..")).toRealPath();
        Path out = Path.of(System.getProperty("paperplane.dist.out", "target/dist-it")).toAbsolutePath();
        Path script = root.resolve("bootstrap/src/dist/make-dist.sh");
        // Both builds at once: each is mostly one single-threaded jlink, and the machine has two cores.
        try (Running first = Running.start(scratch.resolve("logs"), root, Map.of(), BUILD_BOUND, "bash",
                script.toString(), root.toString(), javaHome.toString(), out.resolve("first").toString());
             Running second = Running.start(scratch.resolve("logs"), root, Map.of(), BUILD_BOUND, "bash",
                     script.toString(), root.toString(), javaHome.toString(), out.resolve("second").toString())) {
            firstArchive = archivePath(first.await());
            secondArchive = archivePath(second.await());
        }

        Path unpacked = Files.createDirectories(scratch.resolve("opt"));
        Outcome tar = Running.run(scratch.resolve("logs"), scratch, Map.of(), COMMAND_BOUND,
                "tar", "-xzf", firstArchive.toString(), "-C", unpacked.toString());
        assertThat(tar.exit()).as("tar -xzf %s: %s", firstArchive, tar.err()).isZero();
        String name = firstArchive.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        installed = Files.createSymbolicLink(unpacked.resolve("paperplane"), unpacked.resolve(name));

        Path fakeBin = Files.createDirectories(scratch.resolve("fakebin"));
        Path fakeJava = Files.writeString(fakeBin.resolve("java"),
                "#!/bin/sh\necho 'the java on PATH was used' >&2\nexit " + FAKE_JAVA_EXIT + "\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        environment = Map.of("JAVA_HOME", "/nonexistent/jdk", "PATH", fakeBin + ":/usr/bin:/bin");
        work = Files.createDirectories(scratch.resolve("work"));
    }

    @Test
    void twoBuildsOfTheSamePackagedModulesAreTheSameBytes() throws Exception {
        assertThat(secondArchive.getFileName()).isEqualTo(firstArchive.getFileName());
        assertThat(sha256(secondArchive)).as("sha256 of %s and %s", firstArchive, secondArchive)
                .isEqualTo(sha256(firstArchive));
    }

    @Test
    void versionNamesTheBundledRuntime() throws Exception {
        Outcome version = paperplane("--version");

        assertThat(version.out().lines().filter(line -> line.startsWith("java ")))
                .as("%s", version)
                .singleElement().asString()
                .endsWith(installed.toRealPath().resolve("runtime") + ")");
    }

    @Test
    void configShowReadsTheBundledConfigurationWithAFlagOnTop() throws Exception {
        Path config = Files.copy(installed.resolve("conf/paperplane.yaml"), work.resolve("show.yaml"));

        Outcome show = paperplane("config", "show", "--config", config, "--port", "0");

        assertThat(show.out()).as("%s", show).containsPattern("paperplane\\.observer\\.port *= 0 *# flag --port");
    }

    @Test
    void feedSynthRunAndVerifyWorkOnItsOwnRuntimeAndAVerifiedCopyVerifies() throws Exception {
        Path data = runDemoFeed("run");

        assertThat(paperplane("verify", "--data", data).out()).startsWith("verify: ok");
        Path backup = copyTree(data, work.resolve("run-backup"));
        assertThat(paperplane("verify", "--data", backup).out()).startsWith("verify: ok");
    }

    @Test
    void verifyRunsFromTheUnpackedDirectoryAsAnUpgradeDoesIt() throws Exception {
        Path data = runDemoFeed("upgrade");

        Outcome verify = Running.run(scratch.resolve("logs"), work, environment, COMMAND_BOUND,
                installed.toRealPath().resolve("bin/paperplane").toString(), "verify", "--data", data.toString());

        assertThat(verify.out()).as("%s", verify).startsWith("verify: ok");
    }

    @Test
    void observeAnswersARuntimeRequest() throws Exception {
        Path data = runDemoFeed("observe");

        try (Running observe = Running.start(scratch.resolve("logs"), work, environment, COMMAND_BOUND,
                installed.resolve("bin/paperplane").toString(), "observe", "--data", data.toString(), "--port", "0")) {
            int port = observe.awaitLine(LISTENING);
            HttpResponse<String> response;
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build()) {
                response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observer/v1/runtime"))
                        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            }

            assertThat(response.statusCode()).as("GET /observer/v1/runtime: %s; observe: %s", response.body(),
                    observe.output()).isEqualTo(200);
            assertThat(observe.jvmArguments()).as("the launcher's flags for observe")
                    .contains("-Xms16m", "-Xmx96m", "-XX:MaxDirectMemorySize=512m", "-XX:+UseSerialGC");
        }
    }

    @Test
    void observeRunsWithTheJvmFlagsOfPaperplaneObserveJavaOptsInstead() throws Exception {
        Path data = runDemoFeed("observe-flags");
        Map<String, String> withFlags = new java.util.HashMap<>(environment);
        withFlags.put("PAPERPLANE_OBSERVE_JAVA_OPTS", "-Xmx80m -XX:+UseParallelGC");

        try (Running observe = Running.start(scratch.resolve("logs"), work, withFlags, COMMAND_BOUND,
                installed.resolve("bin/paperplane").toString(), "--log-format", "text", "observe", "--data",
                data.toString(), "--port", "0")) {
            observe.awaitLine(LISTENING);

            assertThat(observe.jvmArguments()).as("%s", observe.output())
                    .contains("-Xmx80m", "-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC");
        }
    }

    @Test
    void commandsButObserveRunWithTheLaunchersBatchFlags() throws Exception {
        Outcome version = withPrintedJvmFlags(Map.of(), "--version");

        assertThat(version.out()).as("%s", version).contains("-XX:+UseSerialGC");
    }

    @Test
    void commandsButObserveRunWithTheJvmFlagsOfPaperplaneJavaOptsInstead() throws Exception {
        Outcome version = withPrintedJvmFlags(Map.of("PAPERPLANE_JAVA_OPTS", "-XX:+UseParallelGC"), "--version");

        assertThat(version.exit()).as("%s", version).isZero();
        assertThat(version.out()).as("%s", version).contains("-XX:+UseParallelGC")
                .doesNotContain("-XX:+UseSerialGC");
    }

    /** Runs the installed CLI with the JVM printing its command-line flags first (JDK_JAVA_OPTIONS). */
    private static Outcome withPrintedJvmFlags(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");
        env.putAll(extra);
        List<String> command = new ArrayList<>(List.of(installed.resolve("bin/paperplane").toString()));
        command.addAll(List.of(args));
        return Running.run(scratch.resolve("logs"), work, env, COMMAND_BOUND, command.toArray(String[]::new));
    }

    /** Synthesizes the feed of docs/operations.md and runs it into a fresh data directory named for {@code name}. */
    private static Path runDemoFeed(String name) throws Exception {
        Path feed = work.resolve(name + "-feed.csv");
        Path data = work.resolve(name + "-data");
        Path config = Files.copy(installed.resolve("conf/paperplane.yaml"), work.resolve(name + ".yaml"));
        paperplane("feed", "synth", "--bars", "300", "--instruments", "AAA,BBB", "--seed", "7", "--out", feed);
        Outcome run = paperplane("run", "--data", data, "--feed", feed, "--config", config);
        assertThat(run.out()).as("%s", run).startsWith("run: 600 bars read");
        return data;
    }

    /** Runs the unpacked {@code bin/paperplane} with {@code args} and requires exit 0. */
    private static Outcome paperplane(Object... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(installed.resolve("bin/paperplane").toString());
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Outcome outcome = Running.run(scratch.resolve("logs"), work, environment, COMMAND_BOUND,
                command.toArray(String[]::new));
        assertThat(outcome.exit()).as("%s", outcome).isZero();
        return outcome;
    }

    private static Path archivePath(Outcome build) {
        assertThat(build.exit()).as("%s", build).isZero();
        List<String> lines = build.out().lines().toList();
        assertThat(lines).as("%s", build).isNotEmpty();
        Path archive = Path.of(lines.getLast());
        assertThat(archive).as("%s", build).isRegularFile();
        return archive;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code cp -R from to}, as the backup section of docs/operations.md does it. */
    private static Path copyTree(Path from, Path to) throws Exception {
        Outcome copy = Running.run(scratch.resolve("logs"), work, environment, COMMAND_BOUND,
                "cp", "-R", from.toString(), to.toString());
        assertThat(copy.exit()).as("%s", copy).isZero();
        return to;
    }

    /** What a finished process printed. */
    private record Outcome(List<String> command, int exit, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + " exited " + exit + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    /**
     * A child process whose output goes to files, so it never blocks on a full pipe; every wait is bounded and
     * closing it kills it if it still runs.
     */
    private static final class Running implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final Path out;
        private final Path err;
        private final Duration bound;

        private Running(List<String> command, Process process, Path out, Path err, Duration bound) {
            this.command = command;
            this.process = process;
            this.out = out;
            this.err = err;
            this.bound = bound;
        }

        static Running start(Path logs, Path dir, Map<String, String> environment, Duration bound, String... command)
                throws IOException {
            Files.createDirectories(logs);
            Path out = Files.createTempFile(logs, "child-", ".out");
            Path err = Files.createTempFile(logs, "child-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // a PAPERPLANE_ variable of the build's environment would be read as configuration
            builder.environment().keySet().removeIf(name -> name.startsWith("PAPERPLANE_"));
            builder.environment().putAll(environment);
            return new Running(List.of(command), builder.start(), out, err, bound);
        }

        static Outcome run(Path logs, Path dir, Map<String, String> environment, Duration bound, String... command)
                throws IOException, InterruptedException {
            try (Running running = start(logs, dir, environment, bound, command)) {
                return running.await();
            }
        }

        Outcome await() throws IOException, InterruptedException {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                fail("did not finish within " + bound + ": " + output());
            }
            return output();
        }

        /** Waits (bounded) until standard output has a match of {@code pattern}; returns its first group as a number. */
        int awaitLine(Pattern pattern) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + bound.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher matcher = pattern.matcher(Files.readString(out, StandardCharsets.UTF_8));
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(1));
                }
                if (!process.isAlive()) {
                    fail("exited before printing " + pattern + ": " + output());
                }
                Thread.sleep(50);
            }
            fail("printed no " + pattern + " within " + bound + ": " + output());
            throw new AssertionError("unreachable");
        }

        /** The arguments the running process was started with, as the kernel shows them. */
        List<String> jvmArguments() throws IOException {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            return List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
        }

        Outcome output() throws IOException {
            return new Outcome(command, process.isAlive() ? -1 : process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new AssertionError(String.join(" ", command) + " survived SIGKILL for " + bound);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while stopping " + String.join(" ", command), e);
                }
            }
        }
    }
}
