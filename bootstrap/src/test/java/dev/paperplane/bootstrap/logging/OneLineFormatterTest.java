package dev.paperplane.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Log events as one line of text or JSON. */
class OneLineFormatterTest {
    private static final Instant TIME = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void textIsOneLineWithTimeLevelLoggerAndMessage() {
        assertThat(new OneLineFormatter(LogFormat.TEXT, false).format(record("started\non port {0}", "8080", null)))
                .isEqualTo("2026-01-02T03:04:05.678Z INFO io.helidon.webserver: started on port 8080\n");
    }

    @Test
    void jsonIsOneEscapedObjectPerLine() {
        String line = new OneLineFormatter(LogFormat.JSON, false)
                .format(record("say \"hi\"\n", 1, new IllegalStateException("boom")));

        assertThat(line).isEqualTo("{\"time\":\"2026-01-02T03:04:05.678Z\",\"level\":\"INFO\",\"logger\":\"io.helidon.webserver\","
                + "\"message\":\"say \\\"hi\\\" \",\"error\":\"java.lang.IllegalStateException: boom\"}\n");
    }

    @Test
    void aStackTraceIsWrittenOnlyWithDebug() {
        LogRecord record = record("failed", 1, new IllegalStateException("boom"));

        assertThat(new OneLineFormatter(LogFormat.TEXT, false).format(record)).doesNotContain("\tat ");
        assertThat(new OneLineFormatter(LogFormat.TEXT, true).format(record)).contains("\tat ");
    }

    private static LogRecord record(String message, Object param, Throwable thrown) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setInstant(TIME);
        record.setLoggerName("io.helidon.webserver");
        record.setParameters(new Object[] {param});
        record.setThrown(thrown);
        return record;
    }
}
