package dev.paperplane.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The child processes a benchmark starts (servers, wrk, apt-get): each is stopped by whoever started it, in a
 * finally block, and any still alive when the JVM exits (Ctrl-C, an error) is killed by a shutdown hook.
 */
final class Children implements AutoCloseable {
    private final List<Process> live = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "paperplane-bench-children");

    Children() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code builder}'s process and tracks it until {@link #stop(Process)}. */
    synchronized Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        live.add(process);
        return process;
    }

    /** Asks {@code process} to stop (SIGTERM), waits up to 10 s, then kills it; idempotent. */
    void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        synchronized (this) {
            live.remove(process);
        }
    }

    private synchronized void stopAll() {
        for (Process process : live) {
            process.destroyForcibly();
        }
        live.clear();
    }

    /** Kills whatever is still running and removes the shutdown hook. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
