package dev.paperplane.application.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test helpers that build audit lines independently of the codec, with the JDK's MessageDigest. */
final class Lines {
    static final byte[] ZERO_HASH = new byte[32];

    private Lines() {
    }

    static String sha256Hex(byte[] previous, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A line (without newline) carrying {@code canonical} and its correct hash after genesis. */
    static String sealAfterGenesis(String canonical) {
        return withHash(canonical, sha256Hex(ZERO_HASH, canonical));
    }

    static String withHash(String canonical, String hash) {
        return canonical.substring(0, canonical.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    /** The text of an encoded line, without its newline. */
    static String text(EncodedRecord record) {
        String line = new String(record.line(), StandardCharsets.UTF_8);
        return line.substring(0, line.length() - 1);
    }

    /** The canonical part C of an encoded line. */
    static String canonical(EncodedRecord record) {
        String text = text(record);
        return text.substring(0, text.length() - 75) + "}";
    }

    static AuditRecord openAfterGenesis(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return AuditCodec.open(ChainHead.GENESIS, bytes, 0, bytes.length);
    }
}
