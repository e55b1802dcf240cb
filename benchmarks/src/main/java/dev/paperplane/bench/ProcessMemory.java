package dev.paperplane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM's memory at one moment, in KiB: resident set now and at its peak ({@code /proc/PID/status} VmRSS and
 * VmHWM) and its Java heap (used and committed, young plus old) and metaspace, from {@code jstat -gc} of the running
 * JDK. A figure that could not be read is -1.
 */
record ProcessMemory(long rssKib, long peakRssKib, long heapUsedKib, long heapCommittedKib, long metaspaceUsedKib) {

    /** Reads {@code pid}'s memory; jstat runs as a bounded child process. */
    static ProcessMemory of(long pid, Children children) throws IOException, InterruptedException {
        Map<String, Long> status = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\\s+");
            if ((parts[0].equals("VmRSS:") || parts[0].equals("VmHWM:")) && parts.length >= 2) {
                status.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        Map<String, Double> gc = jstat(pid, children);
        long used = sum(gc, "S0U", "S1U", "EU", "OU");
        long committed = sum(gc, "S0C", "S1C", "EC", "OC");
        return new ProcessMemory(status.getOrDefault("VmRSS:", -1L), status.getOrDefault("VmHWM:", -1L), used,
                committed, sum(gc, "MU"));
    }

    private static long sum(Map<String, Double> gc, String... columns) {
        double total = 0;
        for (String column : columns) {
            Double value = gc.get(column);
            if (value == null) {
                return -1;
            }
            total += value;
        }
        return Math.round(total);
    }

    private static Map<String, Double> jstat(long pid, Children children) throws IOException, InterruptedException {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        Map<String, Double> columns = new HashMap<>();
        if (!Files.isExecutable(jstat)) {
            return columns;
        }
        Process process = children.start(new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid))
                .redirectErrorStream(true));
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return columns;
            }
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                return columns;
            }
            String[] names = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            for (int i = 0; i < Math.min(names.length, values.length); i++) {
                try {
                    columns.put(names[i], Double.parseDouble(values[i]));
                } catch (NumberFormatException e) {
                    // "-" for a space the collector does not have: leave the column out
                }
            }
            return columns;
        } finally {
            children.stop(process);
        }
    }

    static String mib(long kib) {
        return kib < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
