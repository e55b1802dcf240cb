package dev.paperplane.domain.session;

import java.util.Objects;

/**
 * Which feed a session reads.
 *
 * @param name   the feed file's name (without directories, so moving it does not change the log)
 * @param sha256 SHA-256 (hex) of the feed file's bytes
 */
public record FeedIdentity(String name, String sha256) {
    public FeedIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
