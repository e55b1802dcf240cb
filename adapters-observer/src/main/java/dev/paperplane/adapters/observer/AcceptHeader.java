package dev.paperplane.adapters.observer;

import io.helidon.common.media.type.MediaType;
import io.helidon.http.HttpMediaType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the syntax of {@code Accept} values (RFC 9110, section 12.5.1) before Helidon interprets them: Helidon
 * 4.5.0 reads some malformed ones leniently and throws on others, and neither is the client's answer, a 400.
 */
final class AcceptHeader {
    private static final String TCHAR = "!#$%&'*+-.^_`|~";
    /** A weight (RFC 9110, section 12.4.2): 0 to 1 with at most three decimals. */
    private static final Pattern QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    private AcceptHeader() {
    }

    /** Whether every value is a comma-separated list of media ranges with well-formed parameters. */
    static boolean wellFormed(List<String> values) {
        return values.stream().allMatch(AcceptHeader::wellFormed);
    }

    /**
     * Whether {@code ranges} admit {@code type}: the most specific range that matches it ({@code type/subtype}, then
     * {@code type/*}, then {@code *}{@code /*}) has a quality above zero. No ranges admit everything.
     */
    static boolean admits(List<HttpMediaType> ranges, MediaType type) {
        return quality(ranges, type) > 0;
    }

    /**
     * The quality {@code ranges} give {@code type}: that of the most specific range matching it, 0 when none does, 1
     * when there are no ranges.
     */
    static double quality(List<HttpMediaType> ranges, MediaType type) {
        if (ranges.isEmpty()) {
            return 1;
        }
        int bestSpecificity = -1;
        double quality = 0;
        for (HttpMediaType range : ranges) {
            int specificity = specificity(range, type);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = range.qualityFactor();
            }
        }
        return quality;
    }

    /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 for no match. */
    private static int specificity(HttpMediaType range, MediaType type) {
        boolean anyType = range.type().equals("*");
        boolean anySubtype = range.subtype().equals("*");
        if (anyType && anySubtype) {
            return 0;
        }
        if (!range.type().equalsIgnoreCase(type.type())) {
            return -1;
        }
        if (anySubtype) {
            return 1;
        }
        return range.subtype().equalsIgnoreCase(type.subtype()) ? 2 : -1;
    }

    private static boolean wellFormed(String value) {
        Scanner s = new Scanner(value);
        s.skipSpace();
        while (!s.atEnd()) {
            if (s.peek() == ',') {
                s.pos++;
                s.skipSpace();
                continue;
            }
            if (!s.token() || !s.accept('/') || !s.token()) {
                return false;
            }
            s.skipSpace();
            while (s.accept(';')) {
                s.skipSpace();
                int nameStart = s.pos;
                if (!s.token() || !s.accept('=')) {
                    return false;
                }
                String name = value.substring(nameStart, s.pos - 1);
                int valueStart = s.pos;
                if (!(s.peek() == '"' ? s.quoted() : s.token())) {
                    return false;
                }
                if (name.equalsIgnoreCase("q") && !QUALITY.matcher(value.substring(valueStart, s.pos)).matches()) {
                    return false;
                }
                s.skipSpace();
            }
            if (!s.atEnd() && s.peek() != ',') {
                return false;
            }
        }
        return true;
    }

    /** A cursor over one header value. */
    private static final class Scanner {
        private final String text;
        private int pos;

        Scanner(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(pos);
        }

        boolean accept(char c) {
            if (peek() == c && !atEnd()) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (peek() == ' ' || peek() == '\t') {
                pos++;
            }
        }

        boolean token() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) && peek() < 128 || TCHAR.indexOf(peek()) >= 0)) {
                pos++;
            }
            return pos > start;
        }

        boolean quoted() {
            pos++;
            while (!atEnd()) {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    if (atEnd()) {
                        return false;
                    }
                    pos++;
                } else if (c == '"') {
                    return true;
                }
            }
            return false;
        }
    }
}
