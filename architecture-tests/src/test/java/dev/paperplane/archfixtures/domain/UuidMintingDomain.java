package dev.paperplane.archfixtures.domain;

import java.util.UUID;

/** Breaks the deterministic core: draws a random UUID. */
public final class UuidMintingDomain {
    UUID id() {
        return UUID.randomUUID();
    }
}
