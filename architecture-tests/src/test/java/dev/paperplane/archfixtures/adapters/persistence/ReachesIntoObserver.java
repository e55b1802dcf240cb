package dev.paperplane.archfixtures.adapters.persistence;

import dev.paperplane.archfixtures.adapters.observer.ReadOnlyView;

/** Breaks adapter independence: the store depends on the observer. */
public final class ReachesIntoObserver {
    ReadOnlyView view;
}
