package dev.paperplane.adapters.observer;

import dev.paperplane.application.analytics.EquityPoint;
import dev.paperplane.application.analytics.RoundTrip;
import dev.paperplane.domain.num.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The JSON of an equity point and of a round trip, written by hand: the bytes JSON-B writes for their
 * {@link PerformanceJson} trees, without reflection, because a page encodes up to a thousand of them.
 */
final class PerformanceItems {
    private PerformanceItems() {
    }

    /** An equity point's JSON, as {@code Json.bytes(PerformanceJson.tree(point))}. */
    static byte[] point(EquityPoint p) {
        return new Fields(128)
                .decimal("drawdown", p.drawdown())
                .decimal("equity", p.equity())
                .decimal("peak", p.peak())
                .number("seq", p.seq())
                .time("time", p.time())
                .bytes();
    }

    /** A round trip's JSON, as {@code Json.bytes(PerformanceJson.tree(trip))}. */
    static byte[] trip(RoundTrip t) {
        return new Fields(384)
                .number("closeSeq", t.closeSeq())
                .time("closeTime", t.closeTime())
                .decimal("entryPrice", t.entryPrice())
                .decimal("exitPrice", t.exitPrice())
                .decimal("fees", t.fees())
                .decimal("grossPnl", t.grossPnl())
                .number("holdingSeconds", t.holdingSeconds())
                .text("instrument", t.instrument())
                .decimal("netPnl", t.netPnl())
                .number("openSeq", t.openSeq())
                .time("openTime", t.openTime())
                .decimal("quantity", t.quantity())
                .text("side", t.side())
                .text("strategy", t.strategy())
                .bytes();
    }

    /**
     * One object's properties in the order they are added, which must be the lexicographic order JSON-B writes a
     * tree's in. Names are plain ASCII identifiers; values are escaped as JSON-P escapes them.
     */
    private static final class Fields {
        private final StringBuilder out;

        Fields(int capacity) {
            out = new StringBuilder(capacity).append('{');
        }

        Fields number(String name, long value) {
            name(name).append(value);
            return this;
        }

        Fields decimal(String name, BigDecimal value) {
            return text(name, value == null ? null : Decimals.format(value));
        }

        Fields time(String name, Instant value) {
            return text(name, value == null ? null : Views.time(value));
        }

        Fields text(String name, String value) {
            StringBuilder to = name(name);
            if (value == null) {
                to.append("null");
                return this;
            }
            to.append('"');
            for (int i = 0; i < value.length(); i++) {
                escaped(to, value.charAt(i));
            }
            to.append('"');
            return this;
        }

        byte[] bytes() {
            // a lone surrogate becomes '?' here, as it does when JSON-B's string is encoded
            return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }

        private StringBuilder name(String name) {
            if (out.length() > 1) {
                out.append(',');
            }
            return out.append('"').append(name).append("\":");
        }

        /** JSON-P's escapes: a quote, a backslash, and U+0000-U+001F (short forms where JSON has them). */
        private static void escaped(StringBuilder to, char c) {
            switch (c) {
                case '"' -> to.append("\\\"");
                case '\\' -> to.append("\\\\");
                case '\b' -> to.append("\\b");
                case '\f' -> to.append("\\f");
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                case '\t' -> to.append("\\t");
                default -> {
                    if (c < 0x20) {
                        to.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    } else {
                        to.append(c);
                    }
                }
            }
        }
    }
}
