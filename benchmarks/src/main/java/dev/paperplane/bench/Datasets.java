package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.application.feed.CsvFeed;
import dev.paperplane.application.feed.SyntheticFeed;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.session.InitializeRuntime;
import dev.paperplane.application.session.RunPaperSession;
import dev.paperplane.bootstrap.config.ConfigLoader;
import dev.paperplane.bootstrap.config.PaperplaneConfig;
import dev.paperplane.bootstrap.progress.ProgressReporter;
import dev.paperplane.domain.market.Bar;
import dev.paperplane.domain.session.FeedIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmarks' audit logs, built with the real code (SyntheticFeed, CsvFeed, InitializeRuntime, RunPaperSession
 * and the file store, under the bundled default configuration) and cached by size under the data root. Each size
 * has three data directories sharing the same segment files (hard links): {@code full} as a clean run leaves it
 * (snapshots every 10,000 events and one at the head), {@code near} without the head snapshot (the newest one is
 * the last periodic snapshot, at most 10,000 events before the head) and {@code none} without any snapshot.
 */
public final class Datasets {
    /** Bump when the generation changes, so cached logs are rebuilt. */
    private static final String GENERATOR = "1";
    private static final List<String> INSTRUMENTS = List.of("AAA", "BBB", "CCC", "DDD");
    private static final long SEED = 42;

    private Datasets() {
    }

    /** One generated log and its facts. */
    public record Dataset(int nominal, Path dir, long events, long bytes, List<Path> segments, long headSnapshot,
                          long nearSnapshot) {
        /** The data directory as a clean run leaves it: snapshot at the head. */
        public Path full() {
            return dir.resolve("full");
        }

        /** The data directory whose newest snapshot is the last periodic one before the head. */
        public Path near() {
            return dir.resolve("near");
        }

        /** The data directory without snapshots. */
        public Path none() {
            return dir.resolve("none");
        }

        /** A CSV feed with the header only: {@code run} over it initializes and appends nothing. */
        public Path emptyFeed() {
            return dir.resolve("empty-feed.csv");
        }
    }

    /** Where the logs live: {@code -Dpaperplane.bench.data}, else {@code benchmarks/target/bench-data}. */
    public static Path root() {
        return Path.of(System.getProperty("paperplane.bench.data", "benchmarks/target/bench-data")).toAbsolutePath();
    }

    /** The configuration the logs are written and read under (the bundled default). */
    public static PaperplaneConfig config() {
        return ConfigLoader.defaults();
    }

    /** The log of about {@code size} events, generated first if it is not cached yet. */
    public static synchronized Dataset ensure(int size, PrintStream log) {
        Path dir = root().resolve(Integer.toString(size));
        Path manifest = dir.resolve("manifest.properties");
        try {
            if (!Files.isRegularFile(manifest) || !GENERATOR.equals(read(manifest).getProperty("generator"))) {
                generate(size, dir, manifest, log);
            }
            Properties p = read(manifest);
            List<Path> segments;
            try (Stream<Path> files = Files.list(dir.resolve("full/audit"))) {
                segments = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
            return new Dataset(size, dir, Long.parseLong(p.getProperty("events")), Long.parseLong(p.getProperty("bytes")),
                    segments, Long.parseLong(p.getProperty("headSnapshot")), Long.parseLong(p.getProperty("nearSnapshot")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the benchmark log of " + size + " events in " + dir + ": " + e, e);
        }
    }

    private static void generate(int size, Path dir, Path manifest, PrintStream log) throws IOException {
        log.printf("bench: generating a log of about %,d events in %s (once; cached)%n", size, dir);
        long started = System.nanoTime();
        deleteTree(dir);
        Files.createDirectories(dir);
        PaperplaneConfig config = config();
        Path full = dir.resolve("full");
        Path feedFile = dir.resolve("feed.csv");
        // every bar is at least one event, so size bars in total are enough; the supplier stops at the size
        SyntheticFeed feed = new SyntheticFeed((size + INSTRUMENTS.size() - 1) / INSTRUMENTS.size(), INSTRUMENTS, SEED);
        try (Writer out = Files.newBufferedWriter(feedFile, StandardCharsets.UTF_8)) {
            feed.writeTo(out);
        }
        FeedIdentity identity = new FeedIdentity("synthetic-" + size + ".csv", sha256(feedFile));
        // Grouped: the same bytes and segments as appending bar by bar, without one fsync per bar (the append case
        // measures that).
        try (GroupedWriter writer = new GroupedWriter(FileStore.openWriter(full, config.segmentBytes()));
             InputStream in = Files.newInputStream(feedFile);
             ProgressReporter progress = ProgressReporter.start("generating", "events", System.err)) {
            FileStoreReader reader = FileStore.openReader(full);
            ReplayedState start = new InitializeRuntime(reader, reader, w -> { }).initialize(config.runtime());
            CsvFeed bars = new CsvFeed(in, feedFile.toString());
            // a bar appends at most 5 events (bar, 2 decisions, 2 fills or rejections); completion adds one
            long stopAt = size - 6;
            Supplier<Optional<Bar>> supplier = () -> {
                long head = writer.head().seq();
                progress.update(head, stopAt);   // on a terminal only: the generation of 1M events takes a while
                return head >= stopAt ? Optional.empty() : bars.next();
            };
            new RunPaperSession(writer, writer, config.snapshotEvery()).run(start, config.runtime(), identity, supplier);
        }
        Files.delete(feedFile);
        Files.writeString(dir.resolve("empty-feed.csv"), CsvFeed.HEADER + "\n", StandardCharsets.UTF_8);

        FileStoreReader reader = FileStore.openReader(full);
        long events = reader.head().seq();
        long bytes = reader.storage().bytes();
        List<Long> snapshots = reader.list().stream().map(s -> s.seq()).sorted(Comparator.reverseOrder()).toList();
        long headSnapshot = snapshots.isEmpty() ? 0 : snapshots.getFirst();
        long nearSnapshot = snapshots.size() < 2 ? 0 : snapshots.get(1);
        linkCopy(full, dir.resolve("near"), name -> !name.equals(snapshotName(headSnapshot)));
        linkCopy(full, dir.resolve("none"), name -> false);

        Properties p = new Properties();
        p.setProperty("generator", GENERATOR);
        p.setProperty("events", Long.toString(events));
        p.setProperty("bytes", Long.toString(bytes));
        p.setProperty("headSnapshot", Long.toString(headSnapshot));
        p.setProperty("nearSnapshot", Long.toString(nearSnapshot));
        try (OutputStream out = Files.newOutputStream(manifest)) {
            p.store(out, "paperplane benchmark log; delete this directory to regenerate it");
        }
        log.printf("bench: %,d events, %,d bytes, snapshots at head %d and near %d, in %.1f s%n", events, bytes,
                headSnapshot, nearSnapshot, (System.nanoTime() - started) / 1e9);
    }

    private static String snapshotName(long seq) {
        return String.format("snapshot-%020d.json", seq);
    }

    /** Recreates {@code from}'s segments (hard links) and the snapshots {@code keepSnapshot} accepts in {@code to}. */
    private static void linkCopy(Path from, Path to, java.util.function.Predicate<String> keepSnapshot) throws IOException {
        Files.createDirectories(to.resolve("audit"));
        Files.createDirectories(to.resolve("snapshots"));
        try (Stream<Path> files = Files.list(from.resolve("audit"))) {
            for (Path f : files.toList()) {
                Files.createLink(to.resolve("audit").resolve(f.getFileName()), f);
            }
        }
        try (Stream<Path> files = Files.list(from.resolve("snapshots"))) {
            for (Path f : files.toList()) {
                if (keepSnapshot.test(f.getFileName().toString())) {
                    Files.createLink(to.resolve("snapshots").resolve(f.getFileName()), f);
                }
            }
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Deletes {@code dir} and everything under it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.delete(all.get(i));
        }
    }
}
