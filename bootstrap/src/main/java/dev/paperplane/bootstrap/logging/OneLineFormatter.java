package dev.paperplane.bootstrap.logging;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats a log record as exactly one line, text or JSON. A thrown exception is summarised on the same line (its
 * class and message); with {@code --debug} its stack trace follows, since then the reader asked for it.
 */
public final class OneLineFormatter extends Formatter {
    private final LogFormat format;
    private final boolean stackTraces;

    /** A formatter writing {@code format}; {@code stackTraces} appends a thrown exception's stack trace. */
    public OneLineFormatter(LogFormat format, boolean stackTraces) {
        this.format = format;
        this.stackTraces = stackTraces;
    }

    @Override
    public String format(LogRecord record) {
        String message = oneLine(formatMessage(record));
        Throwable thrown = record.getThrown();
        String error = thrown == null ? null : oneLine(thrown.toString());
        Instant time = record.getInstant();
        String level = record.getLevel().getName();
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        StringBuilder line = new StringBuilder();
        if (format == LogFormat.JSON) {
            line.append("{\"time\":").append(quote(time.toString()))
                    .append(",\"level\":").append(quote(level))
                    .append(",\"logger\":").append(quote(logger))
                    .append(",\"message\":").append(quote(message));
            if (error != null) {
                line.append(",\"error\":").append(quote(error));
                if (stackTraces) {
                    line.append(",\"stack\":").append(quote(stackTrace(thrown)));
                }
            }
            return line.append("}\n").toString();
        }
        line.append(time).append(' ').append(level).append(' ').append(logger).append(": ").append(message);
        if (error != null) {
            line.append(" (").append(error).append(')');
        }
        line.append('\n');
        if (error != null && stackTraces) {
            line.append(stackTrace(thrown));
        }
        return line.toString();
    }

    private static String stackTrace(Throwable thrown) {
        java.io.StringWriter text = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** {@code text} as a JSON string literal. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
