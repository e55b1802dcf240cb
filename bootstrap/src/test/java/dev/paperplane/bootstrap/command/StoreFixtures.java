package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.postgres.testserver.PostgresServer;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.feed.SyntheticFeed;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.bootstrap.cli.CommandLine;
import dev.paperplane.bootstrap.store.Store;
import dev.paperplane.bootstrap.store.Stores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(List.of(new CopyCommand(), new RunCommand(), new VerifyCommand()))
                .run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
    static Store.Postgres freshPostgres() {
        return new Store.Postgres(PostgresServer.shared().freshStore());
    }

    /** How a user names {@code store} on the command line (no password: the test server trusts its user). */
    static String locator(Store store) {
        return switch (store) {
            case Store.Directory d -> d.dir().toString();
            case Store.Postgres p -> p.target().location();
        };
    }

    static ChainHead head(Store store) {
        try (Stores.Reading reading = Stores.openReader(store)) {
            return reading.log().head();
        }
    }

    static List<SnapshotInfo> snapshots(Store store) {
        try (Stores.Reading reading = Stores.openReader(store)) {
            return reading.snapshots().list();
        }
    }
}
