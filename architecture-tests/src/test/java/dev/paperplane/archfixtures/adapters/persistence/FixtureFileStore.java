package dev.paperplane.archfixtures.adapters.persistence;

/** Stands in for the file store. */
public final class FixtureFileStore {
}
