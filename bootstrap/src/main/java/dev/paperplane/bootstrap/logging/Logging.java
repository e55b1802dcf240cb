package dev.paperplane.bootstrap.logging;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Routes every {@link System.Logger} (paperplane's and Helidon's) through java.util.logging's root logger to one
 * handler on standard error that writes one line per event in the chosen format. Done once, at start.
 */
public final class Logging {

    private Logging() {
    }

    /** Replaces the root handlers with one writing {@code format} to standard error, INFO and above. */
    public static void configure(LogFormat format, boolean debug) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        handler.setFormatter(new OneLineFormatter(format, debug));
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
    }
}
