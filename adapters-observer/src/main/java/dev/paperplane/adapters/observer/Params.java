package dev.paperplane.adapters.observer;

import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Strict parsing of query and path parameters: anything unexpected is a 400, never a guess. */
final class Params {
    /** Page size when none is asked for. */
    static final int DEFAULT_LIMIT = 100;
    /** The largest page size. */
    static final int MAX_LIMIT = 1000;
    private static final int MAX_TEXT = 128;
    private static final int MAX_DIGITS = 18;

    private final UriQuery query;

    private Params(UriQuery query) {
        this.query = query;
    }

    /** The request's query, refusing parameters outside {@code allowed} and repeated parameters. */
    static Params of(ServerRequest req, Set<String> allowed) {
        UriQuery query = req.query();
        for (String name : new TreeSet<>(query.names())) {
            if (!allowed.contains(name)) {
                throw ProblemException.badParameter("unknown query parameter '" + Problems.excerpt(name)
                        + "'; this endpoint accepts " + (allowed.isEmpty() ? "none" : new TreeSet<>(allowed)));
            }
            if (query.all(name).size() > 1) {
                throw ProblemException.badParameter("query parameter '" + name + "' is given more than once");
            }
        }
        return new Params(query);
    }

    /** A non-negative seq parameter, or {@code fallback} when absent. */
    long seq(String name, long fallback) {
        return text(name).map(v -> parseSeq(name, v)).orElse(fallback);
    }

    /** An optional non-negative seq parameter. */
    Optional<Long> optionalSeq(String name) {
        return text(name).map(v -> parseSeq(name, v));
    }

    /** The {@code limit} parameter: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when absent. */
    int limit() {
        Optional<String> value = text("limit");
        if (value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        String v = value.get();
        if (!isDigits(v) || v.length() > 4 || Integer.parseInt(v) < 1 || Integer.parseInt(v) > MAX_LIMIT) {
            throw ProblemException.badParameter("limit must be an integer from 1 to " + MAX_LIMIT + ", was '"
                    + Problems.excerpt(v) + "'");
        }
        return Integer.parseInt(v);
    }

    /** An optional non-empty text parameter of at most 128 characters. */
    Optional<String> text(String name) {
        if (!query.contains(name)) {
            return Optional.empty();
        }
        List<String> values = query.all(name);
        String v = values.isEmpty() ? "" : values.getFirst();
        if (v.isEmpty()) {
            throw ProblemException.badParameter("query parameter '" + name + "' is empty");
        }
        if (v.length() > MAX_TEXT) {
            throw ProblemException.badParameter("query parameter '" + name + "' is longer than " + MAX_TEXT
                    + " characters");
        }
        return Optional.of(v);
    }

    /** The {@code {seq}} path parameter: a positive seq. */
    static long pathSeq(ServerRequest req) {
        String v = req.path().pathParameters().get("seq");
        long seq = parseSeq("seq", v);
        if (seq < 1) {
            throw ProblemException.notFound("there is no seq 0: seqs start at 1");
        }
        return seq;
    }

    private static long parseSeq(String name, String v) {
        if (!isDigits(v) || v.length() > MAX_DIGITS) {
            throw ProblemException.badParameter(name + " must be a non-negative integer seq, was '"
                    + Problems.excerpt(v) + "'");
        }
        return Long.parseLong(v);
    }

    private static boolean isDigits(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The intervals of the equity curve, in seconds, in this order; bucket boundaries are multiples of them in UTC. */
    private static final Map<String, Long> INTERVALS = intervals();

    private static Map<String, Long> intervals() {
        Map<String, Long> intervals = new LinkedHashMap<>();
        intervals.put("1m", 60L);
        intervals.put("5m", 300L);
        intervals.put("15m", 900L);
        intervals.put("1h", 3_600L);
        intervals.put("1d", 86_400L);
        return Collections.unmodifiableMap(intervals);
    }

    /** The seconds of an equity interval name ({@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 1d}). */
    static long intervalSeconds(String interval) {
        Long seconds = INTERVALS.get(interval);
        if (seconds == null) {
            throw ProblemException.badParameter("interval must be one of " + INTERVALS.keySet() + ", was '"
                    + Problems.excerpt(interval) + "'");
        }
        return seconds;
    }

    /** The epoch second of an {@code after} time given as an ISO-8601 UTC instant. */
    static long epochSecond(String text) {
        try {
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("after must be an ISO-8601 UTC time such as 2024-01-02T09:30:00Z,"
                    + " was '" + Problems.excerpt(text) + "'");
        }
    }
}
