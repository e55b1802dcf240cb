package dev.paperplane.adapters.observer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The secret a client must present as {@code Authorization: Bearer <token>}. It never prints itself: not in
 * {@link #toString()}, not in an error message, not in a metric.
 */
public final class BearerToken {
    /** The shortest token accepted: shorter ones are guessable. */
    public static final int MIN_LENGTH = 16;
    /** The longest token accepted: it must fit comfortably in a request header. */
    public static final int MAX_LENGTH = 1024;
    /** RFC 6750's {@code b64token}: the characters a bearer token may hold. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final byte[] secret;

    private BearerToken(byte[] secret) {
        this.secret = secret;
    }

    /**
     * The token {@code value}. Refused (with a message that does not repeat it) when shorter than
     * {@link #MIN_LENGTH}, longer than {@link #MAX_LENGTH} or holding a character RFC 6750 does not allow.
     */
    public static BearerToken of(String value) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the token has " + value.length() + " characters, fewer than "
                    + MIN_LENGTH + "; generate one with e.g. `openssl rand -hex 32`");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the token has " + value.length() + " characters, more than "
                    + MAX_LENGTH);
        }
        if (!B64TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("the token holds a character a bearer token may not hold (allowed:"
                    + " letters, digits and - . _ ~ + /, then trailing =); generate one with e.g."
                    + " `openssl rand -hex 32`");
        }
        return new BearerToken(value.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether {@code presented} is this token. The time taken depends on this token's length only, never on
     * how much of {@code presented} matches.
     */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
