package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The generated log of {@code size} events copied into PostgreSQL (without snapshots) by the runner. */
@State(Scope.Benchmark)
public class PostgresLogState {
    /** Nominal number of audit events in the log. */
    @Param({"10000", "100000", "1000000"})
    public int size;

    /** The store holding the copy. */
    public PostgresTarget target;

    /** Finds the copy the runner made. */
    @Setup(Level.Trial)
    public void load() {
        target = PostgresBench.target(PostgresBench.replaySchema(size));
    }
}
