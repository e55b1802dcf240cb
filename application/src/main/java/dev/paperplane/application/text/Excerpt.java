package dev.paperplane.application.text;

/**
 * Values a user supplied, shortened and made safe for an error message, so no message grows with the input and no
 * control byte reaches a terminal raw. One policy for every echo: feeds, imports and the observer's problems.
 */
public final class Excerpt {
    /** Characters of a value a message echoes before cutting it. */
    public static final int MAX_ECHO = 40;

    private Excerpt() {
    }

    /** {@code value} cut to its first {@code max} characters, with "…" when something was cut. */
    public static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }

    /**
     * {@code value} in single quotes for a message: at most {@link #MAX_ECHO} characters, control and format
     * characters written as a backslash, u and four hex digits; a longer value ends in "…" and is followed by its
     * length, e.g. {@code '12345…' (1048576 characters)}.
     */
    public static String quoted(String value) {
        String shown = quotedStart(value);
        return value.length() > MAX_ECHO ? shown + " (" + value.length() + " characters)" : shown;
    }

    /**
     * {@link #quoted} without the length, for a value known only by its start (a line read up to a bound): its
     * first {@link #MAX_ECHO} characters, escaped, in quotes, and "…" when there are more.
     */
    public static String quotedStart(String value) {
        int shown = Math.min(value.length(), MAX_ECHO);
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder out = new StringBuilder(shown + 8).append('\'');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (unsafe(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(shown < value.length() ? "…'" : "'").toString();
    }

    /** Characters that move the cursor, ring, reorder or hide text on a terminal. */
    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
