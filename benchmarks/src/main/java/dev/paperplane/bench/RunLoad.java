package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.adapters.persistence.FileStoreReader;
import dev.paperplane.adapters.persistence.postgres.PostgresStore;
import dev.paperplane.adapters.persistence.postgres.PostgresStoreReader;
import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import dev.paperplane.adapters.persistence.postgres.testserver.ThrowawayCluster;
import dev.paperplane.application.feed.SyntheticFeed;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.application.snapshot.SnapshotLoadPort;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code run} group (not JMH): whole {@code paperplane run} processes, started as the launcher starts them, over
 * a synthetic feed of about 1 M events into an empty store: the file store on disk and on tmpfs, and PostgreSQL (a
 * throwaway cluster, fsync on), each with one force per bar and with the default groups; on tmpfs also with a
 * snapshot at the end only (what the snapshots cost a run), and a whole {@code paperplane verify} of the log on
 * disk and on PostgreSQL. Each row stands beside
 * what the same log costs to replay in process from genesis (fresh reader, chain verified, snapshots unused, warm
 * JVM, best of three) and, for the
 * file store, to read and hash with plain SHA-256. One force per bar on disk and on PostgreSQL runs over a shorter
 * feed: a million forces would take most of an hour.
 */
final class RunLoad {
    /** The group's name on the command line. */
    static final String NAME = "run";
    private static final List<String> INSTRUMENTS = List.of("AAA", "BBB", "CCC");
    private static final long SEED = 7;
    private static final String MAIN = "dev.paperplane.bootstrap/dev.paperplane.bootstrap.Main";
    /** Replay from genesis: the log's snapshots (one is at its head) are not used. */
    private static final SnapshotLoadPort NO_SNAPSHOTS = new SnapshotLoadPort() {
        @Override
        public List<SnapshotInfo> list() {
            return List.of();
        }

        @Override
        public Optional<Snapshot> load(long seq) {
            return Optional.empty();
        }
    };
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    /**
     * What to run.
     *
     * @param bars       bars per instrument of the full feed (3 instruments; 250,000 give about 1 M events)
     * @param perBarBars bars per instrument of the feed for one force per bar on disk and on PostgreSQL
     * @param jfr        whether each child records a JFR profile into {@code run-load/<case>.jfr}
     */
    record Settings(int bars, int perBarBars, boolean jfr) {
    }

    /** One whole process ({@code run} or {@code verify}) and the limits measured on the log it ran over. */
    record Row(String command, String store, String place, String groups, long events, double wallSeconds,
               double cpuSeconds, double replayPerSecond, double sha256PerSecond) {
        double perSecond() {
            return events / wallSeconds;
        }
    }

    private final Settings settings;
    private final Path modules;
    private final Path work;
    private final PrintStream log;

    private RunLoad(Settings settings, Path modules, Path work, PrintStream log) {
        this.settings = settings;
        this.modules = modules;
        this.work = work;
        this.log = log;
    }

    /** Runs every case, prints the table and writes it to {@code out/run-load.md}. */
    static List<Row> run(Settings settings, Path modules, Path out, PrintStream log) throws IOException,
            InterruptedException {
        Path work = out.resolve("run-load");
        Files.createDirectories(work);
        RunLoad load = new RunLoad(settings, modules, work, log);
        Path feed = feed(work, settings.bars());
        Path shortFeed = feed(work, settings.perBarBars());
        Path disk = work.resolve("data");
        Optional<Path> tmpfs = tmpfs();
        List<Row> rows = new ArrayList<>();
        Row onDisk = load.fileRun(feed, disk, "disk", Grouping.DEFAULT);
        rows.add(onDisk);
        rows.add(load.fileVerify(disk, onDisk));
        rows.add(load.fileRun(shortFeed, disk, "disk", Grouping.PER_BAR));
        if (tmpfs.isPresent()) {
            rows.add(load.fileRun(feed, tmpfs.get(), "tmpfs", Grouping.DEFAULT));
            rows.add(load.fileRun(feed, tmpfs.get(), "tmpfs", Grouping.SNAPSHOT_AT_END));
            rows.add(load.fileRun(feed, tmpfs.get(), "tmpfs", Grouping.PER_BAR));
            deleteTree(tmpfs.get());
        } else {
            log.println("bench: run on tmpfs skipped: /dev/shm is not a tmpfs here");
        }
        deleteTree(disk);
        Optional<String> unavailable = ThrowawayCluster.unavailable();
        if (unavailable.isPresent()) {
            log.println("bench: run on PostgreSQL skipped: " + unavailable.get());
        } else {
            log.println("bench: starting a throwaway PostgreSQL cluster (fsync on) for run on PostgreSQL");
            ThrowawayCluster cluster = ThrowawayCluster.start(true, null);
            try {
                rows.addAll(load.postgresRun(feed, cluster, Grouping.DEFAULT));
                rows.addAll(load.postgresRun(shortFeed, cluster, Grouping.PER_BAR));
            } finally {
                cluster.stop();
            }
        }
        String table = table(rows);
        log.println();
        log.print(table);
        Files.writeString(out.resolve("run-load.md"), table, StandardCharsets.UTF_8);
        return rows;
    }

    /** How a run forces and snapshots: the defaults, one force per bar, or the default groups with no snapshot. */
    private enum Grouping {
        DEFAULT("default", "group", List.of()),
        PER_BAR("1 bar", "bar", List.of("--group-bars", "1")),
        SNAPSHOT_AT_END("default, snapshot at the end only", "no-snapshots",
                List.of("--snapshot-every", String.valueOf(Long.MAX_VALUE)));

        final String label;
        final String file;
        final List<String> flags;

        Grouping(String label, String file, List<String> flags) {
            this.label = label;
            this.file = file;
            this.flags = flags;
        }
    }

    private Row fileRun(Path feed, Path dir, String place, Grouping grouping)
            throws IOException, InterruptedException {
        deleteTree(dir);
        Child child = child("file-" + place + "-" + grouping.file,
                List.of("run", "--data", dir.toString(), "--feed", feed.toString()), grouping.flags);
        List<Path> segments;
        try (var files = Files.list(dir.resolve("audit"))) {
            segments = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        long events = FileStore.openReader(dir).head().seq();
        double replay = best(() -> {
            FileStoreReader reader = FileStore.openReader(dir);
            return new Replay(reader, NO_SNAPSHOTS, warning -> { }).toHead().seq();
        }, events);
        double sha256 = best(() -> sha256(segments), events);
        return new Row("run", "file", place, grouping.label, events, child.wall(), child.cpu(), replay, sha256);
    }

    /** {@code paperplane verify} of the log {@code run} left in {@code dir}, beside that run's limits. */
    private Row fileVerify(Path dir, Row run) throws IOException, InterruptedException {
        Child child = child("file-verify", List.of("verify", "--data", dir.toString()), List.of());
        return new Row("verify", "file", run.place(), "", run.events(), child.wall(), child.cpu(),
                run.replayPerSecond(), run.sha256PerSecond());
    }

    private List<Row> postgresRun(Path feed, ThrowawayCluster cluster, Grouping grouping)
            throws IOException, InterruptedException {
        String schema = "bench_run_" + ProcessHandle.current().pid() + "_" + grouping.file;
        String store = cluster.jdbcUrl().replaceFirst("^jdbc:postgresql://", "postgresql://" + cluster.user() + "@")
                + "?schema=" + schema;
        try {
            Child child = child("postgres-" + grouping.file,
                    List.of("run", "--store", store, "--feed", feed.toString()), grouping.flags);
            PostgresTarget target = new PostgresTarget(cluster.jdbcUrl(), cluster.user(), null, schema);
            long events;
            try (PostgresStoreReader reader = PostgresStore.openReader(target)) {
                events = reader.head().seq();
            }
            double replay = best(() -> {
                try (PostgresStoreReader reader = PostgresStore.openReader(target)) {
                    return new Replay(reader, NO_SNAPSHOTS, warning -> { }).toHead().seq();
                }
            }, events);
            Row run = new Row("run", "PostgreSQL", "same disk", grouping.label, events, child.wall(), child.cpu(),
                    replay, Double.NaN);
            if (grouping != Grouping.DEFAULT) {
                return List.of(run);
            }
            Child verify = child("postgres-verify", List.of("verify", "--store", store), List.of());
            return List.of(run, new Row("verify", "PostgreSQL", "same disk", "", events, verify.wall(), verify.cpu(),
                    replay, Double.NaN));
        } finally {
            try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), cluster.user(), null);
                 Statement drop = connection.createStatement()) {
                drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                log.println("bench: could not drop schema " + schema + ": " + e.getMessage());
            }
        }
    }

    private record Child(double wall, double cpu) {
    }

    /**
     * Runs the CLI as the launcher does (its module path, its flags and AOT cache for commands other than
     * {@code observe}) under bash, whose {@code times} gives the child's user and system CPU time.
     */
    private Child child(String name, List<String> args, List<String> flags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "\"$@\" >/dev/null; code=$?; times; exit $code",
                "bash", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String flag : System.getProperty("paperplane.bench.javaOpts", "").split(" ")) {
            if (!flag.isBlank()) {
                command.add(flag);
            }
        }
        String aot = System.getProperty("paperplane.bench.aotCache", "");
        if (!aot.isEmpty()) {
            command.add("-XX:AOTCache=" + aot);
        }
        if (settings.jfr()) {
            command.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-p", modules.toString(), "-m", MAIN, "--no-progress"));
        command.addAll(args);
        command.addAll(flags);
        log.println("bench: " + String.join(" ", command.subList(4, command.size())));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("paperplane " + args.getFirst() + " exited with " + exit
                    + " (its errors above)");
        }
        // times prints the shell's own times, then its children's
        Matcher m = TIMES.matcher(times.lines().reduce((a, b) -> b).orElse(""));
        if (!m.find()) {
            throw new IllegalStateException("no CPU times from bash's times: " + times);
        }
        double cpu = Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        return new Child(wall, cpu);
    }

    /** The best of three timed runs after one untimed, in events per second. */
    private static double best(LongSupplier work, long events) {
        work.getAsLong();
        long bestNanos = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            work.getAsLong();
            bestNanos = Math.min(bestNanos, System.nanoTime() - started);
        }
        return events / (bestNanos / 1e9);
    }

    private static long sha256(List<Path> segments) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] heap = new byte[1 << 20];
            return SegmentBytes.readAll(segments, ByteBuffer.wrap(heap), chunk -> digest.update(heap, 0, chunk.limit()))
                    + digest.digest()[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The synthetic feed of {@code bars} bars per instrument, written once. */
    private static Path feed(Path work, int bars) throws IOException {
        Path feed = work.resolve("feed-" + bars + ".csv");
        if (!Files.exists(feed)) {
            Path temp = work.resolve("feed-" + bars + ".csv.tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                new SyntheticFeed(bars, INSTRUMENTS, SEED).writeTo(out);
            }
            Files.move(temp, feed);
        }
        return feed;
    }

    private static Optional<Path> tmpfs() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm) || !"tmpfs".equals(Files.getFileStore(shm).type())) {
            return Optional.empty();
        }
        return Optional.of(shm.resolve("paperplane-bench-run-" + ProcessHandle.current().pid()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String table(List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"command", "store", "place", "groups", "events", "wall s", "CPU s", "CPU µs/event",
                "events/s", "replay events/s", "of replay", "SHA-256 events/s", "of SHA-256"});
        for (Row row : rows) {
            boolean hashed = !Double.isNaN(row.sha256PerSecond());
            lines.add(new String[] {row.command(), row.store(), row.place(), row.groups(),
                    String.format(Locale.ROOT, "%,d", row.events()),
                    String.format(Locale.ROOT, "%.2f", row.wallSeconds()), String.format(Locale.ROOT, "%.2f", row.cpuSeconds()),
                    String.format(Locale.ROOT, "%.2f", row.cpuSeconds() * 1e6 / row.events()),
                    String.format(Locale.ROOT, "%,.0f", row.perSecond()), String.format(Locale.ROOT, "%,.0f", row.replayPerSecond()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * row.perSecond() / row.replayPerSecond()),
                    hashed ? String.format(Locale.ROOT, "%,.0f", row.sha256PerSecond()) : "",
                    hashed ? String.format(Locale.ROOT, "%.0f%%", 100 * row.perSecond() / row.sha256PerSecond()) : ""});
        }
        return "run and verify (whole process, JVM start included; replay and SHA-256 in process over the same log)\n\n"
                + Tables.markdown(lines, "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|") + "\n";
    }
}
