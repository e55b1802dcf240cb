package dev.paperplane.bench;

import dev.paperplane.bootstrap.progress.Terminal;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * JMH's own output on standard output, and, when standard error is a terminal, {@code bench: case i of n: NAME
 * (params)} there before each case, so a long run shows where it is. Closing it only flushes: standard output
 * stays open for the results table.
 */
final class CaseProgress implements OutputFormat {
    private final OutputFormat jmh;
    private final PrintStream err;
    private final int cases;
    private int started;

    private CaseProgress(OutputFormat jmh, PrintStream err, int cases) {
        this.jmh = jmh;
        this.err = err;
        this.cases = cases;
    }

    /** The output format for a run of {@code options}. */
    static OutputFormat of(Options options) {
        OutputFormat jmh = OutputFormatFactory.createFormatInstance(System.out,
                options.verbosity().orElse(VerboseMode.NORMAL));
        boolean terminal = Terminal.showsProgress();
        return new CaseProgress(jmh, terminal ? System.err : null, terminal ? cases(options, jmh) : 0);
    }

    /** How many cases JMH will run: each selected benchmark and mode, once per combination of its parameters. */
    private static int cases(Options options, OutputFormat out) {
        SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(out, options.getIncludes(),
                options.getExcludes());
        int cases = 0;
        for (BenchmarkListEntry entry : entries) {
            int combinations = 1;
            if (entry.getParams().hasValue()) {
                for (Map.Entry<String, String[]> param : entry.getParams().get().entrySet()) {
                    org.openjdk.jmh.util.Optional<Collection<String>> given = options.getParameter(param.getKey());
                    combinations *= given.hasValue() ? given.get().size() : param.getValue().length;
                }
            }
            cases += entry.getMode() == Mode.All ? combinations * (Mode.values().length - 1) : combinations;
        }
        return cases;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        started++;
        if (err != null) {
            StringBuilder line = new StringBuilder("bench: case ").append(started);
            if (started <= cases) {
                line.append(" of ").append(cases);
            }
            String name = params.getBenchmark();
            line.append(": ").append(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
            StringBuilder values = new StringBuilder();
            for (Object key : params.getParamsKeys()) {
                values.append(values.isEmpty() ? "" : ", ").append(key).append(" = ").append(params.getParam(key.toString()));
            }
            if (!values.isEmpty()) {
                line.append(" (").append(values).append(')');
            }
            err.println(line);
            err.flush();
        }
        jmh.startBenchmark(params);
    }

    @Override
    public void iteration(BenchmarkParams benchmark, IterationParams params, int iteration) {
        jmh.iteration(benchmark, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchmark, IterationParams params, int iteration,
                                IterationResult result) {
        jmh.iterationResult(benchmark, params, iteration, result);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        jmh.endRun(results);
    }

    @Override
    public void print(String text) {
        jmh.print(text);
    }

    @Override
    public void println(String text) {
        jmh.println(text);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        jmh.flush();
    }

    @Override
    public void verbosePrintln(String text) {
        jmh.verbosePrintln(text);
    }

    @Override
    public void write(int b) {
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        jmh.write(b);
    }
}
