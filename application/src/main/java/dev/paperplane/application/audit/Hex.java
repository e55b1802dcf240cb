package dev.paperplane.application.audit;

import java.util.HexFormat;

/** Lowercase hex of 32-byte chain hashes, strictly: exactly 64 digits, no uppercase. */
final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    private static final byte[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd',
            'e', 'f'};

    static String format(byte[] hash) {
        return LOWER.formatHex(hash);
    }

    /** Writes the 32 bytes of {@code hash} as 64 lowercase hex digits (ASCII) into {@code out[0, 64)}. */
    static void formatTo(byte[] hash, byte[] out) {
        for (int i = 0; i < 32; i++) {
            out[2 * i] = DIGITS[(hash[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[hash[i] & 0xf];
        }
    }

    /** Parses a chain hash given as 64 lowercase hex digits. */
    static byte[] parseHash(String hex) {
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a chain hash is 64 lowercase hex digits, got " + hex.length()
                    + " characters: " + hex);
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            int hi = digit(hex.charAt(2 * i));
            int lo = digit(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("a chain hash is 64 lowercase hex digits: " + hex);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** The value of a lowercase hex digit, or -1. */
    static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
