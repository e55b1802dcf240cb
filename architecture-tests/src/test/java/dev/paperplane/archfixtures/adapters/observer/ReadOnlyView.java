package dev.paperplane.archfixtures.adapters.observer;

/** An innocent observer class. */
public final class ReadOnlyView {
}
