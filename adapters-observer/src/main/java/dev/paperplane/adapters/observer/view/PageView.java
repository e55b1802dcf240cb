package dev.paperplane.adapters.observer.view;

import java.util.List;

/**
 * One page of a cursor-paginated list.
 *
 * @param items     the page's items, in ascending seq
 * @param limit     the page size asked for
 * @param next      relative URL of the next page, or null when this page reached the end
 * @param truncated whether the page stopped short of {@code limit} to respect the response size limit
 */
public record PageView(List<?> items, int limit, String next, boolean truncated) {
}
