package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.view.PageView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Assembles one page within the response size limit: items are added while they fit; a page cut short says
 * {@code truncated} and its {@code next} continues right after the last item it holds. An item too large for
 * an otherwise empty page is shown as an {@code OmittedView}, so paging always moves forward.
 */
final class Pager {
    private final long maxBytes;

    Pager(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * A page of at most {@code limit} items from {@code source}.
     *
     * @param nextUrl the relative URL of the page after a given cursor seq
     */
    <T> Rendered page(Iterator<T> source, int limit, ToLongFunction<T> seqOf, Function<T, Object> view,
                      Function<T, Object> omitted, LongFunction<String> nextUrl) {
        long overhead = Json.bytes(new PageView(List.of(), limit, nextUrl.apply(Long.MAX_VALUE), true)).length;
        long budget = maxBytes - overhead;
        List<Object> items = new ArrayList<>();
        boolean omittedAny = false;
        long used = 0;
        long lastSeq = -1;
        boolean more = false;
        boolean truncated = false;
        while (source.hasNext()) {
            T item = source.next();
            if (items.size() == limit) {
                more = true;
                break;
            }
            Object rendered = view.apply(item);
            long size = Json.bytes(rendered).length + (items.isEmpty() ? 0 : 1);
            if (used + size > budget) {
                if (!items.isEmpty()) {
                    truncated = true;
                    break;
                }
                rendered = omitted.apply(item);
                omittedAny = true;
                size = Json.bytes(rendered).length;
            }
            items.add(rendered);
            used += size;
            lastSeq = seqOf.applyAsLong(item);
        }
        String next = more || truncated ? nextUrl.apply(lastSeq) : null;
        byte[] body = Json.bytes(new PageView(items, limit, next, truncated));
        if (body.length > maxBytes) {
            throw new IllegalStateException("page of " + body.length + " bytes exceeds the limit of " + maxBytes);
        }
        return new Rendered(body, Optional.ofNullable(next), truncated || omittedAny);
    }
}
