package dev.paperplane.domain.audit;

import dev.paperplane.domain.session.FeedIdentity;
import dev.paperplane.domain.session.RuntimeConfig;
import java.time.Instant;
import java.util.Objects;

/**
 * A paper session began: the configuration it runs under and the feed it reads.
 *
 * @param time        time of the first bar the session processes
 * @param fingerprint SHA-256 (hex) of the configuration's canonical form
 * @param config      the whole configuration, including execution plane and strategies
 * @param feed        identity of the feed file
 */
public record SessionStarted(Instant time, String fingerprint, RuntimeConfig config, FeedIdentity feed)
        implements AuditEvent {
    public SessionStarted {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(feed, "feed");
    }
}
