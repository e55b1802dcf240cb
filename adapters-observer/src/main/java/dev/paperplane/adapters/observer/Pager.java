package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.view.PageView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** How the encoding of a page starts: its items come first (lexicographic property order). */
    private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);

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
        List<byte[]> items = new ArrayList<>();
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
            byte[] rendered = Json.bytes(view.apply(item));
            long size = rendered.length + (items.isEmpty() ? 0 : 1);
            if (used + size > budget) {
                if (!items.isEmpty()) {
                    truncated = true;
                    break;
                }
                rendered = Json.bytes(omitted.apply(item));
                omittedAny = true;
                size = rendered.length;
            }
            items.add(rendered);
            used += size;
            lastSeq = seqOf.applyAsLong(item);
        }
        String next = more || truncated ? nextUrl.apply(lastSeq) : null;
        byte[] body = splice(Json.bytes(new PageView(List.of(), limit, next, truncated)), items);
        if (body.length > maxBytes) {
            throw new IllegalStateException("page of " + body.length + " bytes exceeds the limit of " + maxBytes);
        }
        return new Rendered(body, Optional.ofNullable(next), truncated || omittedAny);
    }

    /**
     * The page's body: the encoding of the page with no items, with the items' encodings, already made to measure
     * them, put between its brackets. The same bytes as encoding the whole page at once, without encoding every
     * item twice.
     */
    static byte[] splice(byte[] emptyPage, List<byte[]> items) {
        if (emptyPage.length < ITEMS.length + 1 || !Arrays.equals(emptyPage, 0, ITEMS.length, ITEMS, 0, ITEMS.length)
                || emptyPage[ITEMS.length] != ']') {
            throw new IllegalStateException("a page's encoding does not start with its items: "
                    + new String(emptyPage, StandardCharsets.UTF_8));
        }
        int length = emptyPage.length + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            length += item.length;
        }
        byte[] body = new byte[length];
        System.arraycopy(emptyPage, 0, body, 0, ITEMS.length);
        int at = ITEMS.length;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            byte[] item = items.get(i);
            System.arraycopy(item, 0, body, at, item.length);
            at += item.length;
        }
        System.arraycopy(emptyPage, ITEMS.length, body, at, emptyPage.length - ITEMS.length);
        return body;
    }
}
