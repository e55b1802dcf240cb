package dev.paperplane.adapters.observer.view;

/**
 * An item too large to fit in a response of the configured size, shown by reference only.
 *
 * @param bytes the size the item alone would have
 * @param href  where the item is described (itself subject to the same limit)
 */
public record OmittedView(long seq, String type, boolean omitted, long bytes, String href) {
}
