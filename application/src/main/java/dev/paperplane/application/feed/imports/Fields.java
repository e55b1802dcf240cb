package dev.paperplane.application.feed.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into fields at a delimiter, RFC 4180 style: a field that starts with a double quote runs to the
 * closing quote, and a doubled quote inside it is one quote. Line breaks inside quotes are not supported (a bar
 * never needs one).
 */
final class Fields {
    private Fields() {
    }

    /** The fields of {@code line}, unquoted; null when a quoted field is not closed. */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            int start = i;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) != delimiter) {
                    field.append(line.charAt(i++));
                }
            } else {
                i = start;
                while (i < line.length() && line.charAt(i) != delimiter) {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }

    /** The delimiter of a line: whichever of comma, semicolon and tab occurs most often in it (comma on a tie). */
    static char delimiterOf(String line) {
        char best = ',';
        long most = line.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = line.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }
}
