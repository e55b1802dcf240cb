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

    private static Rendered page(long items, int limit, long maxBytes) {
        Listing<Long> listing = new Listing<>(seq -> seq, PagerTest::item,
                CsvColumns.<Long>of().and("seq", seq -> Long.toString(seq)),
                (seq, bytes) -> new OmittedView(seq, "Item", true, bytes, "/item/" + seq));
        return new Pager(maxBytes).page(LongStream.rangeClosed(1, items).boxed().iterator(), limit, listing,
                Format.JSON, seq -> "/items?after=" + seq + "&limit=" + limit);
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
