package dev.paperplane.bootstrap.progress;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Whether progress may be drawn: only when standard error is an interactive terminal and the user did not pass
 * {@code --no-progress}. The launchers tell us about standard error (a JVM cannot ask about it directly) through
 * the system property {@value #STDERR_PROPERTY}; without it, the JVM's console decides.
 */
public final class Terminal {
    /** Set to {@code true} or {@code false} by the launchers: {@code [ -t 2 ]}. */
    public static final String STDERR_PROPERTY = "paperplane.stderr.terminal";

    private static volatile boolean progressOff;

    private Terminal() {
    }

    /** Turns progress off for this process ({@code --no-progress}). */
    public static void disableProgress() {
        progressOff = true;
    }

    /** Whether progress lines may be drawn on standard error. */
    public static boolean showsProgress() {
        if (progressOff || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        String told = System.getProperty(STDERR_PROPERTY);
        if (told != null) {
            return Boolean.parseBoolean(told.strip().toLowerCase(Locale.ROOT));
        }
        Console console = System.console();
        return console != null && isTerminal(console);
    }

    /** JDK 22+ returns a console even when redirected and says whether it is a terminal; JDK 21 returns none then. */
    private static boolean isTerminal(Console console) {
        try {
            Method method = Console.class.getMethod("isTerminal");
            return (Boolean) method.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
