package dev.paperplane.bootstrap.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One progress line on an interactive terminal's standard error: done and total, rate and time left, redrawn in
 * place at most every {@link #REDRAW_INTERVAL_MILLIS} ms. The work drives it by calling {@link #update} as it goes
 * (no timer, no thread): each call only compares the clock with the last redraw. On anything but a terminal it is
 * {@linkplain #silent() silent}. {@link #close()} erases the line so the command's summary starts clean.
 */
public final class ProgressReporter implements AutoCloseable {
    /** The least time between two redraws. */
    public static final long REDRAW_INTERVAL_MILLIS = 250;

    private static final ProgressReporter SILENT = new ProgressReporter("", "", null, () -> 0);

    private final String label;
    private final String unit;
    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long lastDrawNanos;
    private boolean drawn;

    /**
     * A reporter drawing on {@code err}, e.g. {@code verify: 1,200 / 5,000 records (24%), 3,000 records/s, 0:02 left}.
     *
     * @param label    the command, printed first
     * @param unit     what is counted, plural ("records", "bars")
     * @param err      where to draw; must be a terminal
     * @param nanoTime the clock (System::nanoTime; a fake in tests)
     */
    public ProgressReporter(String label, String unit, PrintStream err, LongSupplier nanoTime) {
        this.label = label;
        this.unit = unit;
        this.err = err;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.lastDrawNanos = startNanos;
    }

    /** A reporter for a command: drawing on {@code err} when it is a terminal and progress is wanted, else silent. */
    public static ProgressReporter start(String label, String unit, PrintStream err) {
        return Terminal.showsProgress() ? new ProgressReporter(label, unit, err, System::nanoTime) : SILENT;
    }

    /** A reporter that draws nothing. */
    public static ProgressReporter silent() {
        return SILENT;
    }

    /** Reports {@code done} of {@code total} units ({@code total <= 0}: unknown); redraws if enough time passed. */
    public void update(long done, long total) {
        if (err == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastDrawNanos < TimeUnit.MILLISECONDS.toNanos(REDRAW_INTERVAL_MILLIS)) {
            return;
        }
        lastDrawNanos = now;
        err.print("\r" + line(done, total, now - startNanos) + "\033[K");
        err.flush();
        drawn = true;
    }

    /** The progress line for {@code done} of {@code total} after {@code elapsedNanos}. */
    String line(long done, long total, long elapsedNanos) {
        StringBuilder line = new StringBuilder(label).append(": ").append(count(done));
        if (total > 0) {
            line.append(" / ").append(count(total)).append(' ').append(unit)
                    .append(" (").append(Math.min(100, done * 100 / total)).append("%)");
        } else {
            line.append(' ').append(unit);
        }
        double seconds = elapsedNanos / 1e9;
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            line.append(", ").append(count(Math.round(rate))).append(' ').append(unit).append("/s");
            if (total > done) {
                line.append(", ").append(duration(Math.round((total - done) / rate))).append(" left");
            }
        }
        return line.toString();
    }

    /** Erases the progress line, if one was drawn. */
    @Override
    public void close() {
        if (err != null && drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
