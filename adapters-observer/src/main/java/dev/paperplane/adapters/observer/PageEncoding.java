package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.view.OmittedView;
import dev.paperplane.adapters.observer.view.PageView;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** How a page of a list is written in one format: its items, what surrounds them, and the headers it goes with. */
sealed interface PageEncoding<T> {
    /** Header of a CSV page: whether the size limit cut it short, as a JSON page's {@code truncated} says. */
    String TRUNCATED = "Paperplane-Truncated";
    /** Header of a CSV page: the item left out for being too large, as a JSON page's omitted item says. */
    String OMITTED = "Paperplane-Omitted";

    /** The encoding of {@code listing}'s pages of {@code limit} items in {@code format}. */
    static <T> PageEncoding<T> of(Format format, Listing<T> listing, int limit, LongFunction<String> nextUrl) {
        return switch (format) {
            case JSON -> new JsonPage<>(listing, limit, nextUrl);
            case CSV -> new CsvPage<>(listing);
        };
    }

    /** The most bytes a page takes besides its items and their separators. */
    long overhead();

    /** An item's bytes. */
    byte[] item(T item);

    /** The bytes between two items. */
    int separator();

    /** The bytes that stand for an item too large for any page. */
    byte[] reference(OmittedView reference);

    /** The page of {@code items}, encoded by this encoding. */
    Rendered page(List<byte[]> items, Optional<String> next, boolean truncated, Optional<OmittedView> omitted);

    /** {@code {"items":[...],"limit":N,"next":URL,"truncated":B}}, an item too large shown as its reference. */
    record JsonPage<T>(Listing<T> listing, int limit, LongFunction<String> nextUrl) implements PageEncoding<T> {
        /** How the encoding of a page starts: its items come first (lexicographic property order). */
        private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);

        @Override
        public long overhead() {
            return Json.bytes(new PageView(List.of(), limit, nextUrl.apply(Long.MAX_VALUE), true)).length;
        }

        @Override
        public byte[] item(T item) {
            return Json.bytes(listing.json().apply(item));
        }

        @Override
        public int separator() {
            return 1;
        }

        @Override
        public byte[] reference(OmittedView reference) {
            return Json.bytes(reference);
        }

        @Override
        public Rendered page(List<byte[]> items, Optional<String> next, boolean truncated,
                             Optional<OmittedView> omitted) {
            byte[] empty = Json.bytes(new PageView(List.of(), limit, next.orElse(null), truncated));
            return new Rendered(splice(empty, items), next, truncated || omitted.isPresent());
        }

        /**
         * The page's body: the encoding of the page with no items, with the items' encodings, already made to
         * measure them, put between its brackets. The same bytes as encoding the whole page at once, without
         * encoding every item twice.
         */
        static byte[] splice(byte[] emptyPage, List<byte[]> items) {
            if (emptyPage.length < ITEMS.length + 1
                    || !Arrays.equals(emptyPage, 0, ITEMS.length, ITEMS, 0, ITEMS.length)
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

    /**
     * A header row, then one row per item. What a JSON page says besides its items goes into headers: the next page
     * into {@code Link}, {@code truncated} into {@value #TRUNCATED} ({@code ?1} or {@code ?0}), an item too large
     * into {@value #OMITTED} (its reference as an RFC 9651 dictionary) instead of a row.
     */
    record CsvPage<T>(Listing<T> listing) implements PageEncoding<T> {
        private static final Header CONTENT_TYPE = HeaderValues.create(HeaderNames.CONTENT_TYPE, Format.CSV_MEDIA_TYPE);

        @Override
        public long overhead() {
            return listing.csv().header().length;
        }

        @Override
        public byte[] item(T item) {
            return listing.csv().row(item);
        }

        @Override
        public int separator() {
            return 0;
        }

        @Override
        public byte[] reference(OmittedView reference) {
            return new byte[0];
        }

        @Override
        public Rendered page(List<byte[]> items, Optional<String> next, boolean truncated,
                             Optional<OmittedView> omitted) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(listing.csv().header());
            items.forEach(body::writeBytes);
            List<Header> headers = new ArrayList<>();
            headers.add(HeaderValues.create(TRUNCATED, truncated ? "?1" : "?0"));
            omitted.ifPresent(o -> headers.add(HeaderValues.create(OMITTED, "seq=" + o.seq() + ", type="
                    + quoted(o.type()) + ", bytes=" + o.bytes() + ", href=" + quoted(o.href()))));
            return new Rendered(body.toByteArray(), CONTENT_TYPE, next, truncated || omitted.isPresent(),
                    List.copyOf(headers));
        }

        /** An RFC 9651 string: in double quotes, with {@code "} and {@code \} escaped by a backslash. */
        private static String quoted(String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }
}
