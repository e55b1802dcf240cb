package dev.paperplane.adapters.observer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Puts a record's stored payload into its encoded view instead of encoding the payload again. The stored
 * payload is canonical JSON; the observer's JSON differs from it only in five escapes: JSON-P writes U+0008,
 * U+0009, U+000A, U+000C and U+000D as {@code \b \t \n \f \r} where the canonical form has a six-character
 * escape. Rewriting those gives the same bytes as parsing the payload into a JSON object and encoding it with the
 * view.
 */
final class Payloads {
    /** What the view's placeholder payload, an empty object, encodes as. */
    private static final byte[] PLACEHOLDER = "\"payload\":{}".getBytes(StandardCharsets.US_ASCII);

    private Payloads() {
    }

    /**
     * The encoding of a view whose payload was the empty object, with {@code payloadJson} in that object's place.
     *
     * @param encodedView  the view's JSON; the first {@code "payload":{}} in it is the placeholder (properties
     *                     before it, the hash, are hex)
     * @param payloadJson  the stored canonical payload
     */
    static byte[] splice(byte[] encodedView, String payloadJson) {
        int at = indexOf(encodedView, PLACEHOLDER);
        if (at < 0) {
            throw new IllegalStateException("an event view's encoding has no empty payload to replace: "
                    + new String(encodedView, StandardCharsets.UTF_8));
        }
        byte[] payload = observed(payloadJson).getBytes(StandardCharsets.UTF_8);
        int object = at + PLACEHOLDER.length - 2;
        byte[] body = new byte[encodedView.length - 2 + payload.length];
        System.arraycopy(encodedView, 0, body, 0, object);
        System.arraycopy(payload, 0, body, object, payload.length);
        System.arraycopy(encodedView, object + 2, body, object + payload.length, encodedView.length - object - 2);
        return body;
    }

    /** The canonical payload with the five escapes JSON-P writes short written short. */
    static String observed(String canonical) {
        // the scan starts at the beginning: a hit may be the second half of an escaped backslash
        if (!canonical.contains("\\u00")) {
            return canonical;
        }
        StringBuilder out = new StringBuilder(canonical.length());
        int n = canonical.length();
        for (int i = 0; i < n; i++) {
            char c = canonical.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            // a canonical escape is a backslash and a quote, a backslash, or 'u00' and two hex digits
            char next = canonical.charAt(i + 1);
            if (next != 'u') {
                out.append(c).append(next);
                i++;
                continue;
            }
            char shortForm = switch (canonical.substring(i + 4, i + 6)) {
                case "08" -> 'b';
                case "09" -> 't';
                case "0a" -> 'n';
                case "0c" -> 'f';
                case "0d" -> 'r';
                default -> 0;
            };
            if (shortForm == 0) {
                out.append(canonical, i, i + 6);
            } else {
                out.append('\\').append(shortForm);
            }
            i += 5;
        }
        return out.toString();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
