package dev.paperplane.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Turns JMH's results into one table (text, Markdown, JSON) with throughput, the SHA-256 fraction and the targets. */
final class Results {
    /** Cases whose one operation is one pass over the whole log: they get events/s and MB/s. */
    private static final Set<String> WHOLE_LOG = Set.of("replayVerified", "replayVerifiedPostgres",
            "replayVerifiedOnce", "replayDecodeOnly", "chainScan", "limitRead", "limitSha256", "appendForcedPerBar",
            "appendPostgresPerBar", "appendGrouped", "catchUp", "treeBuild", "treeSha256", "treeCatchUp");
    private static final List<String> ORDER = List.of("replayVerified", "replayVerifiedPostgres", "replayVerifiedOnce",
            "replayDecodeOnly",
            "chainScan", "limitRead", "limitSha256", "readySnapshotNearHead", "readyNoSnapshot",
            "childReadySnapshotNearHead", "childReadyNoSnapshot", "childJvmBaseline", "childReadySnapshotNearHeadAotCache",
            "childJvmBaselineAotCache", "appendForcedPerBar",
            "appendPostgresPerBar", "appendGrouped", "pageShallow", "pageDeep", "pageDeepWorst", "pageJson", "fold",
            "catchUp", "performance", "report", "equityPage", "performanceAt",
            "treeBuild", "treeCatchUp", "treeSha256", "inclusionProof", "checkpoint", "checkpointSigned");

    /** One measured case at one size. */
    record Row(String group, String name, int size, long events, long bytes, double score, double error, String unit,
               double p50, double p99) {
        /** Seconds per operation. */
        double seconds() {
            return score * unitSeconds(unit);
        }

        Optional<Double> eventsPerSecond() {
            return WHOLE_LOG.contains(name) ? Optional.of(events / seconds()) : Optional.empty();
        }

        Optional<Double> megabytesPerSecond() {
            return WHOLE_LOG.contains(name) ? Optional.of(bytes / 1e6 / seconds()) : Optional.empty();
        }
    }

    private final List<Row> rows;
    private final Optional<LoadReport> load;

    private Results(List<Row> rows, Optional<LoadReport> load) {
        this.rows = rows;
        this.load = load;
    }

    /** These results with the observer load benchmark's section after the JMH table. */
    Results with(LoadReport report) {
        return new Results(rows, Optional.of(report));
    }

    static Results of(Collection<RunResult> results, Map<Integer, Datasets.Dataset> datasets) {
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String clazz = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String group = clazz.substring(clazz.lastIndexOf('.') + 1).replace("Benchmark", "").toLowerCase(Locale.ROOT);
            String sizeParam = run.getParams().getParam("size");
            int size = sizeParam == null ? 0 : Integer.parseInt(sizeParam);
            Datasets.Dataset data = datasets.get(size);
            Result<?> primary = run.getPrimaryResult();
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            if (primary.getStatistics().getN() > 0 && run.getParams().getMode().shortLabel().equals("sample")) {
                p50 = primary.getStatistics().getPercentile(50);
                p99 = primary.getStatistics().getPercentile(99);
            }
            rows.add(new Row(group, name, size, data == null ? 0 : data.events(), data == null ? 0 : data.bytes(),
                    primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), p50, p99));
        }
        rows.sort(Comparator.comparingInt((Row r) -> ORDER.indexOf(r.name())).thenComparingInt(Row::size));
        return new Results(rows, Optional.empty());
    }

    private Optional<Row> find(String name, int size) {
        return rows.stream().filter(r -> r.name().equals(name) && r.size() == size).findFirst();
    }

    /** The fraction of plain SHA-256's speed a whole-log case reaches at its size. */
    private Optional<Double> shaFraction(Row row) {
        if (row.name().startsWith("tree") && !row.name().equals("treeSha256")) {
            return find("treeSha256", row.size()).map(sha -> sha.seconds() / row.seconds());
        }
        if (!row.group().equals("replay") || row.name().startsWith("limit")) {
            return Optional.empty();
        }
        return find("limitSha256", row.size()).map(sha -> sha.seconds() / row.seconds());
    }

    private String note(Row row) {
        List<String> notes = new ArrayList<>();
        shaFraction(row).ifPresent(f -> notes.add(String.format(Locale.ROOT, "%.0f%% of SHA-256", f * 100)));
        if (row.group().equals("replay") && !row.name().startsWith("limit")) {
            find("limitRead", row.size()).ifPresent(read -> notes.add(String.format(Locale.ROOT, "%.0f%% of read",
                    read.seconds() / row.seconds() * 100)));
        }
        if (!Double.isNaN(row.p99())) {
            notes.add(String.format(Locale.ROOT, "p50 %s, p99 %s", micros(row.p50()), micros(row.p99())));
        }
        if (row.name().equals("pageDeep")) {
            find("pageShallow", row.size()).ifPresent(s -> notes.add(String.format(Locale.ROOT,
                    "deep/shallow p50 %.2fx, p99 %.2fx", row.p50() / s.p50(), row.p99() / s.p99())));
        }
        if (row.name().equals("fold")) {
            notes.add(foldPerEvent(row));
        }
        if (row.name().equals("catchUp")) {
            find("replayVerified", row.size()).ifPresent(replay -> notes.add(String.format(Locale.ROOT,
                    "%.0f%% of replayVerified's time", row.seconds() / replay.seconds() * 100)));
        }
        if (row.name().startsWith("childReady")) {
            String baseline = row.name().endsWith("AotCache") ? "childJvmBaselineAotCache" : "childJvmBaseline";
            find(baseline, 0).ifPresent(b -> notes.add(String.format(Locale.ROOT, "%.0f ms over JVM start",
                    row.seconds() * 1000 - b.seconds() * 1000)));
        }
        return String.join("; ", notes);
    }

    /** The fold's nanoseconds per event, and their fraction of replay's per event on the same log if measured. */
    private String foldPerEvent(Row fold) {
        long folded = Math.min(fold.events(), AnalyticsBenchmark.FOLD_EVENTS);
        double nanos = fold.seconds() * 1e9 / folded;
        return String.format(Locale.ROOT, "%.0f ns/event over %,d events", nanos, folded)
                + find("replayVerified", fold.size()).map(replay -> String.format(Locale.ROOT,
                "; %.1f%% of replayVerified's %.0f ns/event", nanos / (replay.seconds() * 1e9 / replay.events()) * 100,
                replay.seconds() * 1e9 / replay.events())).orElse("");
    }

    private static String micros(double us) {
        return us >= 1000 ? String.format(Locale.ROOT, "%.2f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    private List<String[]> table() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"case", "size", "events", "score", "unit", "events/s", "MB/s", "notes"});
        for (Row r : rows) {
            lines.add(new String[] {r.group() + "." + r.name(), r.size() == 0 ? "-" : String.format("%,d", r.size()),
                    r.events() == 0 ? "-" : String.format("%,d", r.events()),
                    String.format(Locale.ROOT, "%.3f ± %.3f", r.score(), Double.isNaN(r.error()) ? 0 : r.error()),
                    r.unit(), r.eventsPerSecond().map(v -> String.format("%,.0f", v)).orElse(""),
                    r.megabytesPerSecond().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse(""), note(r)});
        }
        return lines;
    }

    /** The targets of issues 6 and 18 that this run measured, one line each. */
    List<String> targets() {
        List<String> out = new ArrayList<>();
        for (Row replay : rows.stream().filter(r -> r.name().equals("replayVerified")).toList()) {
            find("limitSha256", replay.size()).ifPresent(sha -> {
                double shaEvents = replay.events() / sha.seconds();
                double needed = Math.min(1_000_000, shaEvents / 2);
                double got = replay.eventsPerSecond().orElseThrow();
                out.add(String.format(Locale.ROOT, "replay %,d: %,.0f events/s with verification; target %,.0f "
                        + "(min of 1,000,000 and 50%% of SHA-256's %,.0f events/s): %s", replay.size(), got, needed,
                        shaEvents, got >= needed ? "MET" : "MISSED"));
            });
        }
        for (String aot : List.of("", "AotCache")) {
            find("childReadySnapshotNearHead" + aot, 1_000_000).ifPresent(ready -> find("childJvmBaseline" + aot, 0)
                    .ifPresent(base -> {
                        double over = (ready.seconds() - base.seconds()) * 1000;
                        out.add(String.format(Locale.ROOT, "ready (child JVM%s, snapshot near the head, 1,000,000): "
                                + "%.0f ms = JVM start %.0f ms + %.0f ms; target JVM start + 200 ms: %s",
                                aot.isEmpty() ? "" : " with AOT cache", ready.seconds() * 1000, base.seconds() * 1000,
                                over, over <= 200 ? "MET" : "MISSED"));
                    }));
        }
        find("readySnapshotNearHead", 1_000_000).ifPresent(ready -> out.add(String.format(Locale.ROOT,
                "ready (warm, in-process, snapshot near the head, 1,000,000): %.0f ms; target 200 ms: %s",
                ready.seconds() * 1000, ready.seconds() <= 0.2 ? "MET" : "MISSED")));
        for (Row deep : rows.stream().filter(r -> r.name().startsWith("pageDeep")).toList()) {
            find("pageShallow", deep.size()).ifPresent(shallow -> {
                double ratio = deep.p50() / shallow.p50();
                boolean met = deep.p99() <= 10_000 && ratio <= 2;
                out.add(String.format(Locale.ROOT, "%s %,d: p99 %s (target 10 ms), %.2fx the shallow page's p50 "
                        + "(target 2x): %s", deep.name(), deep.size(), micros(deep.p99()), ratio, met ? "MET" : "MISSED"));
            });
        }
        for (Row fold : rows.stream().filter(r -> r.name().equals("fold")).toList()) {
            find("replayVerified", fold.size()).ifPresent(replay -> {
                double ratio = fold.seconds() / Math.min(fold.events(), AnalyticsBenchmark.FOLD_EVENTS)
                        / (replay.seconds() / replay.events());
                out.add(String.format(Locale.ROOT, "analytics fold %,d: %.1f%% of replay's per-event cost (target "
                        + "25%%): %s", fold.size(), ratio * 100, ratio <= 0.25 ? "MET" : "MISSED"));
            });
        }
        for (String[] latency : new String[][] {{"performance", "2000"}, {"equityPage", "10000"}}) {
            for (Row row : rows.stream().filter(r -> r.name().equals(latency[0])).toList()) {
                double target = Double.parseDouble(latency[1]);
                String floor = find("liveness", row.size()).map(l -> String.format(Locale.ROOT,
                        "; a request that reads nothing, liveness, p99 %s in the same harness", micros(l.p99())))
                        .orElse("");
                out.add(String.format(Locale.ROOT, "%s %,d: p99 %s (target %s): %s%s", row.name(), row.size(),
                        micros(row.p99()), micros(target), row.p99() <= target ? "MET" : "MISSED", floor));
            }
        }
        return out;
    }

    /** The table as aligned text. */
    String text() {
        if (rows.isEmpty()) {
            return load.map(LoadReport::text).orElse("");
        }
        List<String[]> lines = table();
        int[] width = new int[lines.getFirst().length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                boolean left = i == 0 || i == line.length - 1 || i == 4;
                out.append(left ? String.format("%-" + width[i] + "s", line[i]) : String.format("%" + width[i] + "s",
                        line[i])).append(i == line.length - 1 ? "" : "  ");
            }
            out.append('\n');
        }
        out.append('\n');
        targets().forEach(t -> out.append(t).append('\n'));
        load.ifPresent(l -> out.append('\n').append(l.text()));
        return out.toString();
    }

    /** The table as Markdown. */
    String markdown(String header) {
        StringBuilder out = new StringBuilder(header).append('\n');
        if (rows.isEmpty()) {
            return out.append(load.map(LoadReport::markdown).orElse("")).toString();
        }
        List<String[]> lines = table();
        for (int l = 0; l < lines.size(); l++) {
            out.append("| ").append(String.join(" | ", lines.get(l))).append(" |\n");
            if (l == 0) {
                out.append("|---|---:|---:|---:|---|---:|---:|---|\n");
            }
        }
        out.append('\n');
        targets().forEach(t -> out.append("- ").append(t).append('\n'));
        load.ifPresent(l -> out.append('\n').append(l.markdown()));
        return out.toString();
    }

    /** The rows as JSON. */
    String json(Map<String, String> environment) {
        StringBuilder out = new StringBuilder("{\n  \"environment\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            out.append(first ? "" : ",").append("\n    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            first = false;
        }
        out.append("\n  },\n  \"results\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.append(i == 0 ? "" : ",").append("\n    {\"case\": ").append(quote(r.group() + "." + r.name()))
                    .append(", \"size\": ").append(r.size()).append(", \"events\": ").append(r.events())
                    .append(", \"bytes\": ").append(r.bytes()).append(", \"score\": ").append(number(r.score()))
                    .append(", \"error\": ").append(number(r.error())).append(", \"unit\": ").append(quote(r.unit()));
            r.eventsPerSecond().ifPresent(v -> out.append(", \"eventsPerSecond\": ").append(number(v)));
            r.megabytesPerSecond().ifPresent(v -> out.append(", \"megabytesPerSecond\": ").append(number(v)));
            shaFraction(r).ifPresent(v -> out.append(", \"fractionOfSha256\": ").append(number(v)));
            if (!Double.isNaN(r.p99())) {
                out.append(", \"p50\": ").append(number(r.p50())).append(", \"p99\": ").append(number(r.p99()));
            }
            out.append('}');
        }
        out.append("\n  ],\n  \"targets\": [");
        List<String> targets = targets();
        for (int i = 0; i < targets.size(); i++) {
            out.append(i == 0 ? "" : ",").append("\n    ").append(quote(targets.get(i)));
        }
        out.append("\n  ]");
        load.ifPresent(l -> out.append(",\n  \"observerLoad\": ").append(l.json()));
        return out.append("\n}\n").toString();
    }

    void write(Path dir, String header, Map<String, String> environment) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("results.md"), markdown(header), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("results.json"), json(environment), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + dir + ": " + e, e);
        }
    }

    private static String number(double v) {
        return Tables.number(v);
    }

    private static String quote(String s) {
        return Tables.quote(s);
    }

    private static double unitSeconds(String unit) {
        return switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }
}
