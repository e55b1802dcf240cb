package dev.paperplane.bench;

import java.util.List;
import java.util.Locale;

/** Formatting shared by the results tables: aligned text, Markdown rows and JSON scalars. */
final class Tables {
    private Tables() {
    }

    /** {@code lines} (the first is the header) as aligned text; the {@code left} columns are left-aligned. */
    static String text(List<String[]> lines, int... left) {
        int[] width = new int[lines.getFirst().length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                boolean alignLeft = false;
                for (int l : left) {
                    alignLeft |= l == i;
                }
                String cell = alignLeft ? String.format("%-" + width[i] + "s", line[i])
                        : String.format("%" + width[i] + "s", line[i]);
                out.append(cell).append(i == line.length - 1 ? "" : "  ");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code lines} as a Markdown table with {@code separator} after the header. */
    static String markdown(List<String[]> lines, String separator) {
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            out.append("| ").append(String.join(" | ", lines.get(l))).append(" |\n");
            if (l == 0) {
                out.append(separator).append('\n');
            }
        }
        return out.toString();
    }

    /** A JSON number, or null for NaN and infinities. */
    static String number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** A JSON string. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
