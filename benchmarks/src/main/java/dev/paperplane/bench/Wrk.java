package dev.paperplane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the {@code wrk} HTTP load generator as a bounded child process and reads its {@code --latency} report. */
final class Wrk {
    /** wrk's threads: one per core of the 2-core machine the targets are set for. */
    static final int THREADS = 2;
    /** How long wrk may overrun its own duration before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in ([\\d.]+)(us|ms|s|m|h), ([\\d.]+)(B|KB|MB|GB|TB) read",
            Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)", Pattern.MULTILINE);
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** One wrk run's figures: latencies in milliseconds; {@code non2xx} is wrk's count of statuses above 399. */
    record Run(long requests, double seconds, double requestsPerSecond, double p50Millis, double p99Millis,
               long non2xx, long socketErrors, String report) {
        long errors() {
            return non2xx + socketErrors;
        }
    }

    private final Path executable;
    private final Children children;

    private Wrk(Path executable, Children children) {
        this.executable = executable;
        this.children = children;
    }

    /**
     * Finds {@code wrk} on the PATH; when it is missing and this process runs as root, installs the Debian package
     * {@code wrk} with apt-get; otherwise fails with what to do.
     */
    static Wrk find(Children children) throws IOException, InterruptedException {
        java.util.Optional<Path> found = onPath("wrk");
        if (found.isEmpty() && isRoot() && onPath("apt-get").isPresent()) {
            System.out.println("bench: wrk is missing; installing the Debian package wrk (apt-get install -y wrk)");
            int status = install(children, List.of("apt-get", "install", "-y", "-q", "wrk"));
            if (status != 0) {
                install(children, List.of("apt-get", "update", "-q"));
                install(children, List.of("apt-get", "install", "-y", "-q", "wrk"));
            }
            found = onPath("wrk");
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("the observer load benchmark needs the HTTP load generator wrk, which is"
                    + " not on the PATH: install it (Debian/Ubuntu: sudo apt-get install wrk; macOS: brew install wrk)"
                    + " and run ./paperplane bench observer again");
        }
        return new Wrk(found.get(), children);
    }

    /** Drives {@code url} with {@code connections} connections on {@link #THREADS} threads for {@code duration}. */
    Run run(String url, int connections, Duration duration, Path log) throws IOException, InterruptedException {
        List<String> command = List.of(executable.toString(), "-t" + THREADS, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "--timeout", "10s", "-H", "Accept: application/json",
                url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Process wrk = children.start(builder);
        try {
            if (!wrk.waitFor(duration.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("wrk did not finish within " + duration.plus(GRACE).toSeconds()
                        + " s on " + url + "; its output is in " + log);
            }
        } finally {
            children.stop(wrk);
        }
        String report = Files.readString(log, StandardCharsets.UTF_8);
        if (wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + ") on " + url + ":\n" + report);
        }
        return parse(report);
    }

    /** Reads wrk's report; fails with the report when a figure is missing. */
    static Run parse(String report) {
        Matcher requests = REQUESTS.matcher(report);
        Matcher rate = RATE.matcher(report);
        if (!requests.find() || !rate.find()) {
            throw new IllegalStateException("cannot read wrk's report:\n" + report);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(report);
        while (percentile.find()) {
            double millis = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        long socketErrors = 0;
        Matcher socket = SOCKET.matcher(report);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(report);
        return new Run(Long.parseLong(requests.group(1)),
                millis(Double.parseDouble(requests.group(2)), requests.group(3)) / 1000,
                Double.parseDouble(rate.group(1)), p50, p99, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors, report);
    }

    private static double millis(double value, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> throw new IllegalArgumentException("unknown wrk time unit " + unit);
        };
    }

    private static java.util.Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return java.util.Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static int install(Children children, List<String> command) throws IOException, InterruptedException {
        Process apt = children.start(new ProcessBuilder(command).inheritIO());
        try {
            if (!apt.waitFor(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 10 minutes");
            }
            return apt.exitValue();
        } finally {
            children.stop(apt);
        }
    }
}
