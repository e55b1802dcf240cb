package dev.paperplane.archfixtures.application;

import java.security.SecureRandom;

/** Breaks the deterministic core: a subclass of java.util.Random in the application. */
public final class RandomisingUseCase {
    int pick() {
        return new SecureRandom().nextInt(10);
    }
}
