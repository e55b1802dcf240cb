package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.adapters.persistence.postgres.testserver.PostgresServer;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.feed.SyntheticFeed;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.bootstrap.Main;
import dev.paperplane.bootstrap.cli.CommandLine;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Stores with real logs for the store tests: synthetic feeds, a run into a directory or PostgreSQL, the CLI. */
final class StoreFixtures {
    static final List<String> INSTRUMENTS = List.of("AAA", "BBB");
    /** Bars per instrument of the feeds the tests run: with two instruments, about 1,500 records. */
    static final int BARS = 300;

    private StoreFixtures() {
    }

    /** What one command printed and returned. */
    record Outcome(int code, String out, String err) {
    }

    /** Runs one {@code paperplane} command line in this JVM, as {@code Main} would. */
    static Outcome paperplane(String... args) {
        return paperplaneWith(System.getenv(), args);
    }

    /** Runs one {@code paperplane} command line in this JVM with {@code environment} as its configuration's. */
    static Outcome paperplaneWith(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(List.of(new CopyCommand(), new RunCommand(environment),
                new VerifyCommand(environment)))
                .run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code paperplane} with {@code environment} and expects success. */
    static Outcome succeedsWith(Map<String, String> environment, String... args) {
        Outcome outcome = paperplaneWith(environment, args);
        assertThat(outcome.code()).as("exit code of %s; stderr: %s", List.of(args), outcome.err()).isZero();
        return outcome;
    }

    /** The head seq a {@code run} printed. */
    static long headSeq(Outcome run) {
        return Long.parseLong(run.out().replaceFirst("(?s).*head seq (\\d+),.*", "$1").strip());
    }

    /**
     * Starts {@code observe} with {@code args} and {@code environment} and returns the {@code lastSeq} its audit
     * summary shows, with what it printed; the observer is stopped before this returns.
     */
    static Observed observe(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--port", "0"));
        ObserverServer observer = ObserveCommand.open(all, environment, print);
        try {
            HttpResponse<String> summary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + observer.port() + "/observer/v1/audit/summary")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(summary.statusCode()).isEqualTo(200);
            long lastSeq = Long.parseLong(summary.body().replaceFirst("(?s).*\"lastSeq\":(\\d+).*", "$1"));
            return new Observed(lastSeq, out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            observer.stop();
        }
    }

    /** What an observer showed: the last seq of its audit summary, and what {@code observe} printed. */
    record Observed(long lastSeq, String printed) {
    }

    /** Runs {@code paperplane} and expects success. */
    static Outcome succeeds(String... args) {
        Outcome outcome = paperplane(args);
        assertThat(outcome.code()).as("exit code of %s; stderr: %s", List.of(args), outcome.err()).isZero();
        return outcome;
    }

    /** A synthetic feed of {@code bars} bars per instrument; the same seed gives a longer feed's prefix. */
    static Path feed(Path dir, String name, int bars, long seed) {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new SyntheticFeed(bars, INSTRUMENTS, seed).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The bundled configuration with a snapshot every 250 records, so the logs have snapshots to copy. */
    static Path config(Path dir) {
        try (InputStream in = StoreFixtures.class.getResourceAsStream("/dev/paperplane/bootstrap/config/default.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String changed = yaml.replaceFirst("snapshot-every: \\d+", "snapshot-every: 250");
            assertThat(changed).as("the bundled configuration names snapshot-every").isNotEqualTo(yaml);
            return Files.writeString(dir.resolve("config.yaml"), changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a session of {@code feed} into {@code store} with {@code config}. */
    static void run(String store, Path feed, Path config) {
        succeeds("run", "--store", store, "--feed", feed.toString(), "--config", config.toString());
    }

    /** A PostgreSQL store in a schema no test used before. */
    static StoreTarget.Postgres freshPostgres() {
        return new StoreTarget.Postgres(PostgresServer.shared().freshStore());
    }

    /** How a user names {@code store} on the command line (no password: the test server trusts its user). */
    static String locator(StoreTarget store) {
        return switch (store) {
            case StoreTarget.Directory d -> d.dir().toString();
            case StoreTarget.Postgres p -> p.target().location();
        };
    }

    static ChainHead head(StoreTarget store) {
        try (OpenedStore.Reading reading = StoreOpener.openReader(store)) {
            return reading.log().head();
        }
    }

    static List<SnapshotInfo> snapshots(StoreTarget store) {
        try (OpenedStore.Reading reading = StoreOpener.openReader(store)) {
            return reading.snapshots().list();
        }
    }

    /**
     * Runs {@code paperplane} as its own process on the test class path, the way a user's shell does: with
     * {@code environment} added, no PostgreSQL password from the build's environment, and {@code dir} as home.
     */
    static Outcome paperplaneProcess(Path dir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PGPASSWORD");
        builder.environment().remove("PGPASSFILE");
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(environment);
        Path out = dir.resolve("process.out");
        Path err = dir.resolve("process.err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("paperplane " + List.of(args) + " did not end");
        }
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * The size and SHA-256 of every file of a data directory but the writer's lock file (which holds its pid), by
     * relative path: equal digests are equal bytes, and a difference stays readable.
     */
    static Map<String, String> files(Path data) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = data.relativize(path).toString();
                if (!name.equals("writer.lock")) {
                    byte[] bytes = Files.readAllBytes(path);
                    files.put(name, bytes.length + " bytes, sha256 " + HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(bytes)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
