package dev.paperplane.application.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint body: the origin line, the tree size in decimal and the root hash in standard base64,
 * each ending in a newline. Signed, it is the text of a {@link SignedNote}.
 *
 * @param origin the log's name: non-empty, printable, no spaces or plus signs
 * @param size   the number of entries
 * @param root   the 32-byte root hash of the tree of {@code size} entries
 */
public record Checkpoint(String origin, long size, byte[] root) {
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        if (!NoteKeys.isName(origin)) {
            throw new IllegalArgumentException("a log origin is printable text without spaces or '+', was '"
                    + origin + "'");
        }
        if (size < 0 || root.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("a checkpoint has a non-negative size and a 32-byte root");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The body: {@code origin\nsize\nbase64(root)\n}. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /**
     * Parses a checkpoint body (the text of a signed note). Lines after the third are extension lines and are
     * ignored, as C2SP allows.
     *
     * @throws IllegalArgumentException saying what is wrong when {@code text} is not a checkpoint body
     */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint has at least three lines (origin, size, root hash),"
                    + " each ending in a newline");
        }
        String size = lines[1];
        if (size.isEmpty() || size.length() > 19 || !size.chars().allMatch(c -> c >= '0' && c <= '9')
                || (size.length() > 1 && size.charAt(0) == '0')) {
            throw new IllegalArgumentException("the checkpoint's second line must be the tree size in decimal,"
                    + " was '" + size + "'");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2].getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            root = new byte[0];
        }
        if (root.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("the checkpoint's third line must be a 32-byte root hash in base64,"
                    + " was '" + lines[2] + "'");
        }
        return new Checkpoint(lines[0], Long.parseLong(size), root);
    }

    /** The root hash in base64, as the body writes it. */
    public String rootBase64() {
        return Base64.getEncoder().encodeToString(root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && origin.equals(c.origin) && size == c.size
                && Arrays.equals(root, c.root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root));
    }

    @Override
    public String toString() {
        return "checkpoint " + origin + " size " + size + " root " + rootBase64();
    }
}
