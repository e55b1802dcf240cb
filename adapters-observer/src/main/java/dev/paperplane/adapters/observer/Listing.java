package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.csv.CsvColumns;
import dev.paperplane.adapters.observer.view.OmittedView;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What one paginated list shows of each item, in every format.
 *
 * @param cursor    the item's place in the list: the {@code after} of the page that follows it
 * @param json      its JSON view
 * @param csv       its CSV columns
 * @param reference what stands in for an item too large for any page, given the item and the bytes it would take
 * @param <T>       the items
 */
record Listing<T>(ToLongFunction<T> cursor, Function<T, Object> json, CsvColumns<T> csv,
                  BiFunction<T, Long, OmittedView> reference) {
}
