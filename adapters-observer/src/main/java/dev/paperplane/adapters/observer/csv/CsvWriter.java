package dev.paperplane.adapters.observer.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, each record ended by CRLF, a field quoted when it holds a comma,
 * a double quote, CR or LF, and a double quote inside a quoted field written twice. Text is UTF-8. A null field
 * is written empty.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** One record, CRLF included, in UTF-8. */
    public static byte[] record(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, fields.get(i));
        }
        return line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One field as it appears in a record: as it is, or quoted when RFC 4180 requires it. */
    public static String field(String value) {
        StringBuilder out = new StringBuilder();
        appendField(out, value);
        return out.toString();
    }

    private static void appendField(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        if (!needsQuotes(value)) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
