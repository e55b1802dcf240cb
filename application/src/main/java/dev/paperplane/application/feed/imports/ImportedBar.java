package dev.paperplane.application.feed.imports;

import dev.paperplane.domain.market.Bar;

/**
 * A bar read by {@code feed import}, with where it came from.
 *
 * @param bar    the bar, validated as {@code run} validates it
 * @param source the file's name
 * @param line   its 1-based line in that file
 */
record ImportedBar(Bar bar, String source, long line) {
}
