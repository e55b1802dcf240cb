package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.observer.csv.CsvColumns;
import dev.paperplane.adapters.observer.view.OmittedView;
import dev.paperplane.adapters.observer.view.PageView;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PagerTest {
    /** An item with text that needs escaping, a nested object and a null, as event payloads have. */
    private static Object item(long seq) {
        JsonObject payload = jakarta.json.Json.createObjectBuilder().add("note", "q\"uote\\ é ✓ \u0001 line\nbreak " + seq)
                .add("qty", "1.00000000").addNull("none").build();
        Map<String, Object> view = new TreeMap<>();
        view.put("payload", payload);
        view.put("seq", seq);
        return view;
    }

    /** Items 1, 2, …: in CSV their seq and a note that needs quoting, the longer the higher the seq. */
    private static final Listing<Long> LISTING = new Listing<>(seq -> seq, PagerTest::item,
            CsvColumns.<Long>of().and("seq", seq -> Long.toString(seq)).and("note", seq -> "a, \"b\"".repeat(
                    seq.intValue())),
            (seq, bytes) -> new OmittedView(seq, "Item", true, bytes, "/item/" + seq));

    private static Rendered page(long items, int limit, long maxBytes) {
        return page(items, limit, maxBytes, Format.JSON);
    }

    private static Rendered page(long items, int limit, long maxBytes, Format format) {
        return new Pager(maxBytes).page(LongStream.rangeClosed(1, items).boxed().iterator(), limit, LISTING,
                format, seq -> "/items?after=" + seq + "&limit=" + limit);
    }

    private static String csv(Rendered rendered) {
        return new String(rendered.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aCsvPageIsTheHeaderRowThenARowPerItemAndSaysInHeadersItWasNotCut() {
        Rendered rendered = page(5, 2, 1 << 20, Format.CSV);

        assertThat(csv(rendered)).isEqualTo("seq,note\r\n1,\"a, \"\"b\"\"\"\r\n2,\"a, \"\"b\"\"a, \"\"b\"\"\"\r\n");
        assertThat(rendered.contentType().values()).isEqualTo("text/csv; charset=utf-8; header=present");
        assertThat(rendered.next()).contains("/items?after=2&limit=2");
        assertThat(rendered.headers()).extracting(h -> h.name() + ": " + h.values())
                .containsExactly("Paperplane-Truncated: ?0");
    }

    @Test
    void aCsvPageThatFillsTheLimitToTheByteIsWholeAndOneByteLessCutsItsLastRow() {
        String header = "seq,note\r\n";
        String rows = "1,\"a, \"\"b\"\"\"\r\n2,\"a, \"\"b\"\"a, \"\"b\"\"\"\r\n";
        long exact = (header + rows).length();

        Rendered whole = page(2, 10, exact, Format.CSV);
        Rendered cut = page(2, 10, exact - 1, Format.CSV);

        assertThat(csv(whole)).isEqualTo(header + rows);
        assertThat(whole.truncated()).isFalse();
        assertThat(whole.next()).isEmpty();
        assertThat(csv(cut)).isEqualTo(header + rows.substring(0, rows.indexOf("\r\n") + 2));
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.next()).contains("/items?after=1&limit=10");
        assertThat(cut.headers()).extracting(h -> h.name() + ": " + h.values())
                .containsExactly("Paperplane-Truncated: ?1");
    }

    @Test
    void anItemTooLargeForAnyCsvPageIsNamedInAHeaderAndTheRowsAfterItFollow() {
        long header = "seq,note\r\n".length();
        long firstRow = "1,\"a, \"\"b\"\"\"\r\n".length();
        Rendered rendered = new Pager(header + firstRow).page(List.of(3L, 1L).iterator(), 10, LISTING, Format.CSV,
                seq -> "/items?after=" + seq);

        assertThat(csv(rendered)).isEqualTo("seq,note\r\n1,\"a, \"\"b\"\"\"\r\n");
        assertThat(rendered.truncated()).isTrue();
        assertThat(rendered.headers()).extracting(h -> h.name() + ": " + h.values()).containsExactly(
                "Paperplane-Truncated: ?0",
                "Paperplane-Omitted: seq=3, type=\"Item\", bytes=30, href=\"/item/3\"");
    }

    @Test
    void aPageIsTheSameBytesAsEncodingTheWholePageAtOnce() {
        Rendered rendered = page(5, 3, 1 << 20);

        List<Object> items = List.of(item(1), item(2), item(3));
        assertThat(new String(rendered.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.bytes(
                        new PageView(items, 3, "/items?after=3&limit=3", false)), StandardCharsets.UTF_8));
        assertThat(rendered.next()).contains("/items?after=3&limit=3");
    }

    @Test
    void anEmptyLastPageIsTheSameBytesAsEncodingItAtOnce() {
        Rendered rendered = page(0, 3, 1 << 20);

        assertThat(rendered.body()).isEqualTo(Json.bytes(
                new PageView(List.of(), 3, null, false)));
        assertThat(rendered.next()).isEqualTo(Optional.empty());
    }

    @Test
    void aPageCutByTheSizeLimitIsTheSameBytesAsEncodingItAtOnce() {
        long oneItem = Json.bytes(item(1)).length;
        long envelope = Json.bytes(
                new PageView(List.of(), 10, "/items?after=" + Long.MAX_VALUE + "&limit=10", true)).length;
        Rendered rendered = page(10, 10, envelope + 2 * oneItem + 1);

        assertThat(rendered.truncated()).isTrue();
        assertThat(rendered.body()).isEqualTo(Json.bytes(
                new PageView(List.of(item(1), item(2)), 10, "/items?after=2&limit=10", true)));
    }
}
