package dev.paperplane.archfixtures.domain;

/** Breaks the deterministic core: a price as a double. */
public record FloatingPrice(double price) {
}
