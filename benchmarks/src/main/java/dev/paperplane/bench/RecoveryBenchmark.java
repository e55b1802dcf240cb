package dev.paperplane.bench;

import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.session.InitializeRuntime;
import dev.paperplane.bootstrap.config.ConfigLoader;
import dev.paperplane.bootstrap.config.PaperplaneConfig;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recovery: from start to ready, that is until {@link InitializeRuntime} returned the state at the head, exactly as
 * {@code run} does it (load the configuration, open the writer with its tail recovery, open the reader, initialize).
 * In-process cases measure a warm JVM; the child cases measure the wall time of a whole {@code paperplane run} over
 * a header-only feed (it initializes, appends nothing and exits) against {@code paperplane --version}, the JVM's
 * own start on the same module path.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RecoveryBenchmark {
    /** Ready in a warm JVM with the newest snapshot at most 10,000 events before the head. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 2)
    public ReplayedState readySnapshotNearHead(LogState log) {
        return ready(log.data.near());
    }

    /** Ready in a warm JVM without snapshots: a replay from genesis. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 2)
    public ReplayedState readyNoSnapshot(LogState log) {
        return ready(log.data.none());
    }

    /** Wall time of a child {@code paperplane run} with the newest snapshot near the head. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int childReadySnapshotNearHead(LogState log) throws IOException, InterruptedException {
        return child("run", "--data", log.data.near().toString(), "--feed", log.data.emptyFeed().toString());
    }

    /** Wall time of a child {@code paperplane run} without snapshots. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int childReadyNoSnapshot(LogState log) throws IOException, InterruptedException {
        return child("run", "--data", log.data.none().toString(), "--feed", log.data.emptyFeed().toString());
    }

    /** Wall time of a child {@code paperplane --version}: JVM start and module resolution, the baseline. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int childJvmBaseline() throws IOException, InterruptedException {
        return child("--version");
    }

    /**
     * {@link #childReadySnapshotNearHead} with a JDK 25 AOT cache (JEP 483/514/515: classes loaded and linked, method
     * profiles) trained by one {@code run} over the 10,000-event log: what the launcher would gain by using one.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int childReadySnapshotNearHeadAotCache(LogState log, AotCache aot) throws IOException, InterruptedException {
        return child(aot.flags(), "run", "--data", log.data.near().toString(), "--feed", log.data.emptyFeed().toString());
    }

    /** {@link #childJvmBaseline} with the same AOT cache. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int childJvmBaselineAotCache(AotCache aot) throws IOException, InterruptedException {
        return child(aot.flags(), "--version");
    }

    /** The launcher's own AOT cache of this build, which {@code ./paperplane bench} trains before it starts. */
    @State(Scope.Benchmark)
    public static class AotCache {
        private Path file;

        /** Finds the cache the launcher passed. */
        @Setup(Level.Trial)
        public void find() {
            String cache = System.getProperty("paperplane.bench.aotCache", "");
            if (cache.isEmpty()) {
                throw new IllegalStateException("the AOT cache cases need the launcher's start-up cache (JDK 25 or"
                        + " newer, PAPERPLANE_AOT not off); this is " + Runtime.version()
                        + ": leave them out, e.g. ./paperplane bench replay page");
            }
            file = Path.of(cache);
        }

        List<String> flags() {
            return List.of("-XX:AOTCache=" + file, "-Xlog:aot=off", "-Xlog:cds=off");
        }
    }

    private static ReplayedState ready(Path data) {
        PaperplaneConfig config = ConfigLoader.defaults();
        try (OpenedStore.Writing store = StoreOpener.openWriter(new StoreTarget.Directory(data), config.segmentBytes())) {
            return new InitializeRuntime(store.log(), store.snapshots(), warning -> { }).initialize(config.runtime());
        }
    }

    private static int child(String... args) throws IOException, InterruptedException {
        return child(List.of(), args);
    }

    /**
     * Runs the CLI as the launcher does: on its module path, with the JDK running this benchmark and the launcher's
     * JVM flags for commands other than {@code observe}.
     */
    private static int child(List<String> jvmFlags, String... args) throws IOException, InterruptedException {
        Path modules = Path.of(System.getProperty("paperplane.bench.modules", "bootstrap/target/modules"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        for (String flag : System.getProperty("paperplane.bench.javaOpts", "").split(" ")) {
            if (!flag.isBlank()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-p", modules.toString(), "-m", "dev.paperplane.bootstrap/dev.paperplane.bootstrap.Main"));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("paperplane-bench-child", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return exit;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
