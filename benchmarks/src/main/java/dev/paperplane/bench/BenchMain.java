package dev.paperplane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./paperplane bench [NAME...] [--quick] [--sizes N,N] [--prof PROFILER] [--list]}: generates the logs it needs
 * (cached), runs the selected JMH cases (and, for {@code observer}, the observer load benchmark) and prints one
 * results table, also written to {@code benchmarks/target/results.md} and {@code results.json}. See
 * docs/performance.md.
 */
public final class BenchMain {
    private static final String PACKAGE = "dev.paperplane.bench.";
    /** The documented case groups; any other NAME is a JMH regular expression over the benchmark names. */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("replay", PACKAGE + "ReplayBenchmark\\.");
        GROUPS.put("recovery", PACKAGE + "RecoveryBenchmark\\.");
        GROUPS.put("append", PACKAGE + "AppendBenchmark\\.");
        GROUPS.put("page", PACKAGE + "PageBenchmark\\.");
        // with replay's product path on the same log, which the fold's per-event cost is compared with
        GROUPS.put("analytics", PACKAGE + "AnalyticsBenchmark\\.|" + PACKAGE + "ReplayBenchmark\\.replayVerified$");
        GROUPS.put("tlog", PACKAGE + "TlogBenchmark\\.");
    }

    /** The observer load benchmark's name: not a JMH group, run by {@link ObserverLoad} after any JMH cases. */
    private static final String OBSERVER = "observer";

    private static final String USAGE = """
            usage: ./paperplane bench [NAME...] [--quick] [--sizes N,N,...] [--prof PROFILER] [--list]
                                      [--duration SECONDS] [--jvm-flags 'FLAGS']
              NAME          replay | recovery | append | page | analytics | tlog | observer | run, or a regular
                            expression over benchmark names (e.g. 'replayVerified$', 'Page.*Deep' or 'Postgres' for
                            the PostgreSQL cases); none: every JMH case (not observer or run)
              --quick       smoke run: 10,000 events only, one short iteration per case (observer: 3 s per case)
              --sizes L     log sizes in events (default 10000,100000,1000000; append 10000,100000;
                            observer 1000000)
              --prof P      add a JMH profiler with its options, e.g. gc or jfr:dir=/tmp/jfr (run: jfr records
                            each child run into benchmarks/target/run-load/*.jfr)
              --list        list the cases and exit
              --duration S  observer: seconds of wrk load per endpoint and connection count (default 20)
              --jvm-flags F observer: the JVM flags of the observer and of the static-file ceiling
                            (default '%s'; '' for the JVM's defaults)
            The logs are generated once into benchmarks/target/bench-data and reused; results are written to
            benchmarks/target/results.md and results.json. The PostgreSQL cases (replay, append) use the server
            %s names (postgresql://user[:password]@host:port/database), else a throwaway
            cluster of the installed server binaries, and are skipped, saying so, without either. observer also
            serves the log from a throwaway PostgreSQL primary and from a hot standby of it, one observer each,
            skipped, saying so, without the server binaries.
            example: ./paperplane bench replay --sizes 1000000""".formatted(ObserverLoad.DEFAULT_FLAGS,
            PostgresBench.URL_VARIABLE);

    private BenchMain() {
    }

    /** Runs the benchmarks named by {@code args}. */
    public static void main(String[] args) throws RunnerException, IOException {
        List<String> names = new ArrayList<>();
        boolean quick = false;
        boolean list = false;
        String sizes = null;
        List<String> profilers = new ArrayList<>();
        Integer duration = null;
        String jvmFlags = ObserverLoad.DEFAULT_FLAGS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--list" -> list = true;
                case "--sizes" -> sizes = value(args, ++i);
                case "--prof" -> profilers.add(value(args, ++i));
                case "--duration" -> duration = seconds(value(args, ++i));
                case "--jvm-flags" -> jvmFlags = value(args, ++i);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        fail("unknown option " + args[i]);
                    }
                    names.add(args[i]);
                }
            }
        }
        boolean observer = names.remove(OBSERVER);
        boolean run = names.remove(RunLoad.NAME);
        boolean jmh = !observer && !run || !names.isEmpty();
        Path root = Path.of(System.getProperty("paperplane.bench.root", ".")).toAbsolutePath().normalize();
        Path dataRoot = Datasets.root();
        Path modules = root.resolve("bootstrap/target/modules");
        Path out = root.resolve("benchmarks/target");

        List<String> forkArgs = new ArrayList<>(List.of("-Dpaperplane.bench.data=" + dataRoot,
                "-Dpaperplane.bench.modules=" + modules,
                "-Dpaperplane.bench.javaOpts=" + System.getProperty("paperplane.bench.javaOpts", ""),
                "-Dpaperplane.bench.aotCache=" + System.getProperty("paperplane.bench.aotCache", "")));
        if (Runtime.version().feature() >= 24) {
            forkArgs.add("--sun-misc-unsafe-memory-access=allow");   // JMH uses sun.misc.Unsafe
        }
        ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true)
                .jvmArgsAppend(forkArgs.toArray(String[]::new));
        List<String> includes = new ArrayList<>();
        for (String name : names.isEmpty() ? List.copyOf(GROUPS.keySet()) : names) {
            includes.add(GROUPS.getOrDefault(name, name));
        }
        includes.forEach(options::include);
        if (System.getProperty("paperplane.bench.aotCache", "").isEmpty()) {
            options.exclude("AotCache");   // the launcher trains its start-up cache on JDK 25+ only
        }
        TreeSet<Integer> needed = new TreeSet<>();
        if (sizes != null) {
            String[] parts = sizes.split(",");
            options.param("size", parts);
            for (String part : parts) {
                needed.add(Integer.parseInt(part.strip()));
            }
        } else if (quick) {
            options.param("size", "10000");
            needed.add(10_000);
        } else {
            needed.addAll(List.of(10_000, 100_000, 1_000_000));
        }
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(200)).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(500));
        }
        for (String profiler : profilers) {
            int colon = profiler.indexOf(':');
            if (colon < 0) {
                options.addProfiler(profiler);
            } else {
                options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
            }
        }
        if (list) {
            new Runner(options.build()).list();
            System.out.println(OBSERVER + " (wrk load on the HTTP observer beside a static-file ceiling, and on "
                    + "observers on a PostgreSQL primary and its hot standby; not JMH)");
            System.out.println(RunLoad.NAME + " (whole paperplane run and verify processes beside replay and SHA-256; not JMH)");
            return;
        }
        if (!Files.isDirectory(modules)) {
            fail("the module path " + modules + " is missing: run the benchmarks with ./paperplane bench");
        }

        Instant started = Instant.now();
        Map<String, String> environment = new TreeMap<>();
        Map<Integer, Datasets.Dataset> datasets = new TreeMap<>();
        Collection<RunResult> results = List.of();
        if (jmh) {
            for (int size : needed) {
                datasets.put(size, Datasets.ensure(size, System.out));
            }
            PostgresBench.Prepared postgres = PostgresBench.prepare(includes, datasets, System.out);
            if (postgres.description().isPresent()) {
                forkArgs.addAll(postgres.forkArgs());
                options.jvmArgsAppend(forkArgs.toArray(String[]::new));
                environment.put("postgres", postgres.description().get());
            } else {
                options.exclude(PostgresBench.EXCLUDE);
            }
            Options built = options.build();
            results = new Runner(built, CaseProgress.of(built)).run();
        }
        Results table = Results.of(results, datasets);
        if (observer) {
            List<Integer> loadSizes = sizes != null ? List.copyOf(needed) : List.of(quick ? 10_000 : 1_000_000);
            int seconds = duration != null ? duration : quick ? 3 : 20;
            List<String> flags = jvmFlags.isBlank() ? List.of() : List.of(jvmFlags.strip().split("\\s+"));
            ObserverLoad.Settings load = new ObserverLoad.Settings(loadSizes, List.of(16, 64),
                    Duration.ofSeconds(seconds), Duration.ofSeconds(quick ? 1 : 5), flags);
            try {
                table = table.with(ObserverLoad.run(load, modules, out));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }

        if (run) {
            boolean jfr = profilers.stream().anyMatch(p -> p.equals("jfr") || p.startsWith("jfr:"));
            RunLoad.Settings settings = quick ? new RunLoad.Settings(3_334, 1_000, jfr)
                    : new RunLoad.Settings(250_000, 5_000, jfr);
            try {
                RunLoad.run(settings, modules, out, System.out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }

        environment.put("java", Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        environment.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        environment.put("started", started.toString());
        environment.put("selection", String.join(" ", args));
        environment.put("loadavg", loadAverage());
        String header = "# paperplane benchmark results\n\n" + environment.entrySet().stream()
                .map(e -> "- " + e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
        table.write(out, header, environment);
        System.out.println();
        System.out.println("paperplane benchmark results (" + environment.get("java") + ", "
                + environment.get("cpus") + " CPUs)");
        System.out.print(table.text());
        System.out.println("written to " + out.resolve("results.md") + " and results.json");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int seconds(String value) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1 && seconds <= 600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("--duration takes whole seconds from 1 to 600, was '" + value + "'");
        return 0;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println("bench: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
