package dev.paperplane.bootstrap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line: driven by the work's updates, redrawn at most a few times a second, erased at the end. */
class ProgressReporterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;
    private final ProgressReporter reporter = new ProgressReporter("verify", "records", err, () -> now);

    @Test
    void showsDoneTotalPercentRateAndTimeLeft() {
        assertThat(reporter.line(1_000, 4_000, TimeUnit.SECONDS.toNanos(2)))
                .isEqualTo("verify: 1,000 / 4,000 records (25%), 500 records/s, 0:06 left");
    }

    @Test
    void withoutATotalShowsDoneAndRateOnly() {
        assertThat(reporter.line(300, 0, TimeUnit.SECONDS.toNanos(3))).isEqualTo("verify: 300 records, 100 records/s");
    }

    @Test
    void redrawsOnlyWhenTheIntervalHasPassedSinceTheLastDraw() {
        reporter.update(1, 100);
        now += TimeUnit.MILLISECONDS.toNanos(ProgressReporter.REDRAW_INTERVAL_MILLIS - 1);
        reporter.update(2, 100);
        assertThat(text()).isEmpty();

        now += TimeUnit.MILLISECONDS.toNanos(1);
        reporter.update(3, 100);
        now += TimeUnit.MILLISECONDS.toNanos(10);
        reporter.update(4, 100);

        assertThat(text()).startsWith("\rverify: 3 / 100 records (3%)").endsWith("\033[K").containsOnlyOnce("\r");
    }

    @Test
    void closeErasesTheLineOnlyIfOneWasDrawn() {
        reporter.close();
        assertThat(text()).isEmpty();

        now += TimeUnit.SECONDS.toNanos(1);
        reporter.update(5, 10);
        reporter.close();

        assertThat(text()).endsWith("\r\033[K");
    }

    @Test
    void theSilentReporterDrawsNothing() {
        ProgressReporter silent = ProgressReporter.silent();
        silent.update(1, 2);
        silent.close();

        assertThat(text()).isEmpty();
    }

    @Test
    void noProgressIsDrawnWhenTheLauncherSaysStderrIsNotATerminal() {
        String before = System.getProperty(Terminal.STDERR_PROPERTY);
        System.setProperty(Terminal.STDERR_PROPERTY, "false");
        try {
            assertThat(ProgressReporter.start("run", "bars", err)).isSameAs(ProgressReporter.silent());
        } finally {
            if (before == null) {
                System.clearProperty(Terminal.STDERR_PROPERTY);
            } else {
                System.setProperty(Terminal.STDERR_PROPERTY, before);
            }
        }
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
