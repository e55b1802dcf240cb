package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.view.OmittedView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Assembles one page within the response size limit, in either format by the same rules: items are added while
 * they fit; a page cut short says {@code truncated} and its {@code next} continues right after the last item it
 * holds. An item too large for an otherwise empty page is shown by its reference ({@link Listing#reference()}),
 * so paging always moves forward.
 */
final class Pager {
    private final long maxBytes;

    Pager(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * A page of at most {@code limit} items from {@code source}.
     *
     * @param nextUrl the relative URL of the page after a given cursor
     */
    <T> Rendered page(Iterator<T> source, int limit, Listing<T> listing, Format format,
                      LongFunction<String> nextUrl) {
        PageEncoding<T> encoding = PageEncoding.of(format, listing, limit, nextUrl);
        long budget = maxBytes - encoding.overhead();
        List<byte[]> items = new ArrayList<>();
        Optional<OmittedView> omitted = Optional.empty();
        long used = 0;
        long lastCursor = -1;
        boolean more = false;
        boolean truncated = false;
        while (source.hasNext()) {
            T item = source.next();
            if (items.size() == limit) {
                more = true;
                break;
            }
            byte[] encoded = encoding.item(item);
            long size = encoded.length + (items.isEmpty() ? 0 : encoding.separator());
            if (used + size > budget) {
                if (!items.isEmpty()) {
                    truncated = true;
                    break;
                }
                OmittedView reference = listing.reference().apply(item, (long) encoded.length);
                omitted = Optional.of(reference);
                encoded = encoding.reference(reference);
                size = encoded.length;
            }
            items.add(encoded);
            used += size;
            lastCursor = listing.cursor().applyAsLong(item);
        }
        Optional<String> next = more || truncated ? Optional.of(nextUrl.apply(lastCursor)) : Optional.empty();
        Rendered page = encoding.page(items, next, truncated, omitted);
        if (page.body().length > maxBytes) {
            throw new IllegalStateException("page of " + page.body().length + " bytes exceeds the limit of "
                    + maxBytes);
        }
        return page;
    }
}
