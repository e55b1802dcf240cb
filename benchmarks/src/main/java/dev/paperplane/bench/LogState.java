package dev.paperplane.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A generated audit log of {@code size} events (nominal: the real count is a few events less), shared by a trial. */
@State(Scope.Benchmark)
public class LogState {
    /** Nominal number of audit events in the log. */
    @Param({"10000", "100000", "1000000"})
    public int size;

    /** The log and its facts. */
    public Datasets.Dataset data;

    /** Finds the cached log (the runner generated it before forking). */
    @Setup(Level.Trial)
    public void load() {
        data = Datasets.ensure(size, System.out);
    }
}
