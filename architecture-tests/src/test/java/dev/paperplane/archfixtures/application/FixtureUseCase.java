package dev.paperplane.archfixtures.application;

/** An innocent application class the planted domain class reaches into. */
public final class FixtureUseCase {
}
