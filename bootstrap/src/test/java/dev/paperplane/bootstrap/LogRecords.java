package dev.paperplane.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the log events of one logger and its children while open, as {@code LEVEL logger: message} lines:
 * paperplane's {@link System.Logger}s reach java.util.logging, where this listens beside the root's handlers.
 */
public final class LogRecords implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(record.getLevel().getName() + " " + record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogRecords(String name) {
        // held here: java.util.logging keeps loggers only weakly, and with them their handlers
        logger = Logger.getLogger(name);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Starts capturing what {@code name} (e.g. {@code paperplane}) and the loggers below it log. */
    public static LogRecords of(String name) {
        return new LogRecords(name);
    }

    /** The events captured so far, in order, each {@code LEVEL logger: message}. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
