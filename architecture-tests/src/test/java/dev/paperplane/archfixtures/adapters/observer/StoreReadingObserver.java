package dev.paperplane.archfixtures.adapters.observer;

import dev.paperplane.archfixtures.adapters.persistence.FixtureFileStore;

/** Breaks "observability cannot affect runtime outcome": the observer uses the store's classes directly. */
public final class StoreReadingObserver {
    FixtureFileStore store;
}
