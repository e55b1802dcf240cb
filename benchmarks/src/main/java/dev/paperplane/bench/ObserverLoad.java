package dev.paperplane.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./paperplane bench observer}: serves a generated log with the real observer ({@code paperplane observe} in
 * a child JVM on the launcher's module path, on 127.0.0.1) and drives it over loopback with wrk, then serves the
 * same JSON bodies with {@link StaticFileServer} in a child JVM with the same flags, as this machine's ceiling; then,
 * when PostgreSQL can be started, the same log served by one observer on a PostgreSQL primary and one on its hot
 * standby ({@link StandbyStores}), started and loaded the same way.
 */
final class ObserverLoad {
    /** The observer's entry point, as the launcher starts it. */
    static final String MAIN_MODULE = "dev.paperplane.bootstrap/dev.paperplane.bootstrap.Main";
    /**
     * The JVM flags both servers run with unless {@code --jvm-flags} says otherwise: a bounded heap and the serial
     * collector, which keep the observer's resident set small (docs/performance.md, "Observer under load").
     */
    static final String DEFAULT_FLAGS = "-Xms16m -Xmx96m -XX:MaxDirectMemorySize=512m -XX:+UseSerialGC";
    /** How long a server may take to answer its first request (the observer verifies the chain first). */
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);
    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^\\s/]+:(\\d+)/");
    private static final String BASE = "/observer/v1";
    /** The server labels of the observers on a PostgreSQL primary and on its hot standby. */
    static final String PRIMARY = "observer pg primary";
    static final String STANDBY = "observer pg standby";

    /** What to measure. */
    record Settings(List<Integer> sizes, List<Integer> connections, Duration duration, Duration warmup,
                    List<String> jvmFlags) {
    }

    /** One endpoint: its URL path and query on the observer and the path its body is served under as a file. */
    record Endpoint(String name, String target, String file) {
    }

    /** One wrk run against one server. */
    record Measurement(int size, String server, Endpoint endpoint, int connections, Wrk.Run run, long bodyBytes) {
    }

    /** One server's memory once it answered its first request and after all its load. */
    record ServerMemory(int size, String server, long pid, ProcessMemory ready, ProcessMemory afterLoad,
                        double readySeconds) {
    }

    private final Settings settings;
    private final Path modules;
    private final Path out;
    private final Children children;
    private final Wrk wrk;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ObserverLoad(Settings settings, Path modules, Path out, Children children, Wrk wrk) {
        this.settings = settings;
        this.modules = modules;
        this.out = out;
        this.children = children;
        this.wrk = wrk;
    }

    /** Runs the load at every size in {@code settings}; child processes are stopped before it returns. */
    static LoadReport run(Settings settings, Path modules, Path out) throws IOException, InterruptedException {
        try (Children children = new Children()) {
            Wrk wrk = Wrk.find(children);
            ObserverLoad load = new ObserverLoad(settings, modules, out, children, wrk);
            List<Measurement> measurements = new ArrayList<>();
            List<ServerMemory> memory = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int size : settings.sizes()) {
                Datasets.Dataset data = Datasets.ensure(size, System.out);
                load.measure(data, measurements, memory, notes);
            }
            return new LoadReport(settings, measurements, memory, notes);
        }
    }

    private void measure(Datasets.Dataset data, List<Measurement> measurements, List<ServerMemory> memory,
                         List<String> notes) throws IOException, InterruptedException {
        int size = data.nominal();
        Path work = out.resolve("observer-load").resolve(Integer.toString(size));
        Datasets.deleteTree(work);
        Path files = work.resolve("static");
        Files.createDirectories(files);
        long after = Math.max(0, (data.events() - 10_000) / 1024 * 1024 + 512);
        List<Endpoint> endpoints = List.of(new Endpoint("/ledger", BASE + "/ledger", BASE + "/ledger"),
                new Endpoint("/audit/summary", BASE + "/audit/summary", BASE + "/audit/summary"),
                new Endpoint("/audit/events deep", BASE + "/audit/events?after=" + after + "&limit=100",
                        BASE + "/audit/events"));

        List<String> observer = new ArrayList<>(java());
        observer.addAll(List.of("-p", modules.toString(), "-m", MAIN_MODULE, "observe", "--data",
                data.full().toString(), "--host", "127.0.0.1", "--port", "0"));
        List<Long> bodyBytes = new ArrayList<>();
        serve("observer", size, observer, work.resolve("observer.log"), endpoints, measurements, memory,
                notes, port -> {
                    for (Endpoint endpoint : endpoints) {
                        long asked = System.nanoTime();
                        byte[] body = get(port, endpoint.target());
                        notes.add(String.format(java.util.Locale.ROOT, "observer %,d: first GET %s took %.3f s", size,
                                endpoint.target(), (System.nanoTime() - asked) / 1e9));
                        Path file = files.resolve(endpoint.file().substring(1));
                        Files.createDirectories(file.getParent());
                        Files.write(file, body);
                        bodyBytes.add((long) body.length);
                    }
                }, bodyBytes, work);

        List<String> ceiling = new ArrayList<>(java());
        ceiling.addAll(List.of("-cp", classes().toString(), StaticFileServer.class.getName(), files.toString()));
        List<Endpoint> staticEndpoints = endpoints.stream()
                .map(e -> new Endpoint(e.name(), e.file(), e.file())).toList();
        serve("static", size, ceiling, work.resolve("static.log"), staticEndpoints, measurements, memory,
                notes, port -> {
                    for (Endpoint endpoint : staticEndpoints) {
                        get(port, endpoint.target());
                    }
                }, bodyBytes, work);

        Optional<StandbyStores> stores = StandbyStores.start(data, System.out);
        if (stores.isPresent()) {
            try (StandbyStores postgres = stores.get()) {
                notes.add(postgres.description());
                for (String[] server : new String[][] {{PRIMARY, postgres.primaryLocator()},
                        {STANDBY, postgres.standbyLocator()}}) {
                    List<String> onStore = new ArrayList<>(java());
                    onStore.addAll(List.of("-p", modules.toString(), "-m", MAIN_MODULE, "observe", "--store",
                            server[1], "--host", "127.0.0.1", "--port", "0"));
                    serve(server[0], size, onStore, work.resolve(server[0].replace(' ', '-') + ".log"), endpoints,
                            measurements, memory, notes, port -> sameBodies(server[0], port, endpoints, files, notes),
                            bodyBytes, work);
                }
            }
        }
    }

    /** Notes whether {@code server} answers each endpoint byte for byte as the file-store observer did. */
    private void sameBodies(String server, int port, List<Endpoint> endpoints, Path files, List<String> notes)
            throws IOException, InterruptedException {
        for (Endpoint endpoint : endpoints) {
            boolean same = java.util.Arrays.equals(get(port, endpoint.target()),
                    Files.readAllBytes(files.resolve(endpoint.file().substring(1))));
            notes.add(server + ": " + endpoint.target() + (same ? " byte-identical to" : " DIFFERS from")
                    + " the file-store observer's body");
        }
    }

    /** Something to do once a server answers, before the load: fetch the bodies, or check them. */
    private interface OnReady {
        void accept(int port) throws IOException, InterruptedException;
    }

    private void serve(String server, int size, List<String> command, Path log, List<Endpoint> endpoints,
                       List<Measurement> measurements, List<ServerMemory> memory, List<String> notes,
                       OnReady onReady, List<Long> bodyBytes, Path work) throws IOException, InterruptedException {
        System.out.printf("bench: %s over the %,d-event log: %s%n", server, size, String.join(" ", command));
        long started = System.nanoTime();
        Process process = children.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())));
        try {
            int port = awaitListening(process, log);
            awaitAnswer(process, port, endpoints.getFirst().target(), log);
            double readySeconds = (System.nanoTime() - started) / 1e9;
            onReady.accept(port);
            ProcessMemory ready = ProcessMemory.of(process.pid(), children);
            notes.add("load average at " + server + " " + size + " start of load: " + loadAverage());
            for (Endpoint endpoint : endpoints) {
                wrk.run(url(port, endpoint.target()), settings.connections().getFirst(), settings.warmup(),
                        work.resolve("wrk-warmup.txt"));
            }
            for (int e = 0; e < endpoints.size(); e++) {
                Endpoint endpoint = endpoints.get(e);
                for (int connections : settings.connections()) {
                    Path report = work.resolve("wrk-" + server + "-" + e + "-" + connections + ".txt");
                    Wrk.Run run = wrk.run(url(port, endpoint.target()), connections, settings.duration(), report);
                    if (!process.isAlive()) {
                        throw new IllegalStateException(server + " died under load; its output is in " + log);
                    }
                    System.out.printf("bench:   %-8s %-20s %3d connections: %,10.0f req/s, p50 %.2f ms, p99 %.2f ms,"
                            + " %d errors%n", server, endpoint.name(), connections, run.requestsPerSecond(),
                            run.p50Millis(), run.p99Millis(), run.errors());
                    measurements.add(new Measurement(size, server, endpoint, connections, run, bodyBytes.get(e)));
                }
            }
            ProcessMemory afterLoad = ProcessMemory.of(process.pid(), children);
            notes.add("load average at " + server + " " + size + " end of load: " + loadAverage());
            memory.add(new ServerMemory(size, server, process.pid(), ready, afterLoad, readySeconds));
            System.out.printf("bench:   %s memory after load: RSS %s (peak %s), heap %s used of %s committed%n",
                    server, ProcessMemory.mib(afterLoad.rssKib()), ProcessMemory.mib(afterLoad.peakRssKib()),
                    ProcessMemory.mib(afterLoad.heapUsedKib()), ProcessMemory.mib(afterLoad.heapCommittedKib()));
        } finally {
            children.stop(process);
        }
    }

    private List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmFlags());
        return command;
    }

    private static Path classes() {
        try {
            return Path.of(StaticFileServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks' classes: " + e, e);
        }
    }

    private static int awaitListening(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> port = Files.exists(log) ? port(Files.readString(log, StandardCharsets.UTF_8))
                    : Optional.empty();
            if (port.isPresent()) {
                return port.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited (" + process.exitValue() + ") before listening:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not listen within " + READY_WITHIN.toMinutes()
                + " minutes; its output is in " + log);
    }

    static Optional<Integer> port(String output) {
        Matcher m = LISTENING.matcher(output);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private void awaitAnswer(Process process, int port, String target, Path log) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited (" + process.exitValue() + "); its output is in "
                        + log);
            }
            try {
                HttpResponse<Void> response = http.send(request(port, target),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "status " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not answer " + target + " with 200 within "
                + READY_WITHIN.toMinutes() + " minutes (last: " + last + "); its output is in " + log);
    }

    private byte[] get(int port, String target) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(port, target), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + target + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static HttpRequest request(int port, String target) {
        return HttpRequest.newBuilder(URI.create(url(port, target))).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
    }

    private static String url(int port, String target) {
        return "http://127.0.0.1:" + port + target;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
