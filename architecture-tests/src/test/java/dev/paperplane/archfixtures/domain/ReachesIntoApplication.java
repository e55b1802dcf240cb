package dev.paperplane.archfixtures.domain;

import dev.paperplane.archfixtures.application.FixtureUseCase;

/** Breaks hexagonal layering: the domain depends on the application layer. */
public final class ReachesIntoApplication {
    FixtureUseCase useCase;
}
