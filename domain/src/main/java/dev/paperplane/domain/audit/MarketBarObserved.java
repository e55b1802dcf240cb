package dev.paperplane.domain.audit;

import dev.paperplane.domain.market.Bar;
import java.time.Instant;
import java.util.Objects;

/** The runtime consumed one bar; all decisions and fills for it follow in the same batch. */
public record MarketBarObserved(Bar bar) implements AuditEvent {
    public MarketBarObserved {
        Objects.requireNonNull(bar, "bar");
    }

    @Override
    public Instant time() {
        return bar.time();
    }
}
