package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.ChainHead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Strong entity tags: a digest of everything a body depends on, so equal tags mean byte-identical bodies. */
final class Etags {
    /** A tag is 40 hex digits: 160 bits of the digest. */
    private static final int TAG_BYTES = 20;

    private final String prefix;

    /** Tags of an observer whose bodies also depend on its version and response size limit. */
    Etags(String version, long maxResponseBytes) {
        this.prefix = version + "\n" + maxResponseBytes + "\n";
    }

    /** The tag of a body determined by the log up to {@code head}, the request, and {@code extra}. */
    String of(ChainHead head, String request, String... extra) {
        StringBuilder text = new StringBuilder(prefix).append(request).append('\n')
                .append(head.seq()).append('\n').append(head.hash());
        for (String e : List.of(extra)) {
            text.append('\n').append(e);
        }
        return '"' + sha256Prefix(text.toString()) + '"';
    }

    /** Whether an {@code If-None-Match} value matches {@code etag} (weak comparison, as RFC 9110 asks). */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*")) {
                    return true;
                }
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first 20 bytes of the SHA-256 of {@code text}, in hex: only they are formatted, for every request. */
    private static String sha256Prefix(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, TAG_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
