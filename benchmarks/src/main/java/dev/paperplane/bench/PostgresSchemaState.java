package dev.paperplane.bench;

import dev.paperplane.adapters.persistence.postgres.PostgresStoreWriter;
import dev.paperplane.adapters.persistence.postgres.PostgresTarget;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A fresh, empty PostgreSQL schema for each append run, dropped after it. */
@State(Scope.Benchmark)
public class PostgresSchemaState {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The empty store; its tables are created by the writer the case opens. */
    public PostgresTarget target;
    /** The writer the case opened, closed after the run. */
    public PostgresStoreWriter writer;

    /** Names a schema no run used. */
    @Setup(Level.Invocation)
    public void freshSchema() {
        String schema = "bench_append_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        PostgresBench.dropSchema(schema);
        target = PostgresBench.target(schema);
    }

    /** Closes the writer and drops the schema. */
    @TearDown(Level.Invocation)
    public void dropSchema() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        PostgresBench.dropSchema(target.schema());
    }
}
