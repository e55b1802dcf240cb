package dev.paperplane.application.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * C2SP signed-note: the text (UTF-8, ending in a newline), a blank line, then one line per signature,
 * {@code — <name> <base64(key hash ‖ Ed25519 signature)>}. The signature covers the text's bytes.
 */
public final class SignedNote {
    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** {@code text} signed by {@code signer}; Ed25519 is deterministic, so equal text and key give equal bytes. */
    public static String sign(String text, NoteKeys.Signer signer) {
        requireText(text);
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(signer.keyHash()).put(signature).array();
        return text + "\n" + DASH + signer.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /**
     * The text of {@code note} when one of its signature lines is a valid signature by {@code verifier}.
     *
     * @throws IllegalArgumentException when the note is malformed or carries no valid signature by that key
     */
    public static String open(String note, NoteKeys.Verifier verifier) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note: no blank line between text and signatures");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("not a signed note: a signature line starts with '\u2014 '");
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a signed note: a signature line is '\u2014 <name> <base64>'");
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a signed note: a signature is not base64");
            }
            if (!parts[0].equals(verifier.name()) || blob.length < 4
                    || ByteBuffer.wrap(blob).getInt() != verifier.keyHash()) {
                continue;
            }
            if (verifier.verify(message, Arrays.copyOfRange(blob, 4, blob.length))) {
                return text;
            }
            throw new IllegalArgumentException("the signature by " + verifier + " does not verify: the note was"
                    + " changed or signed by another key of that name");
        }
        throw new IllegalArgumentException("the note carries no signature by " + verifier);
    }

    /** The text of a signed note, its signatures unchecked: for a client that was given no key. */
    public static String textOf(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("not a signed note: no blank line between text and signatures");
        }
        return note.substring(0, split + 1);
    }

    private static void requireText(String text) {
        if (!text.endsWith("\n") || text.contains("\n\n") || text.isEmpty()) {
            throw new IllegalArgumentException("a note's text is non-empty, ends in a newline and has no blank line");
        }
    }
}
