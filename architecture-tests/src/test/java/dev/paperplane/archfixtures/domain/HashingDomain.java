package dev.paperplane.archfixtures.domain;

import java.util.HashMap;
import java.util.Map;

/** Breaks the deterministic core: uses a HashMap. */
public final class HashingDomain {
    Map<String, Integer> positions() {
        return new HashMap<>();
    }
}
