package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BodyCacheTest {
    private final BodyCache cache = new BodyCache();
    private final AtomicInteger renders = new AtomicInteger();

    private Supplier<Rendered> body(int bytes) {
        return () -> {
            renders.incrementAndGet();
            return new Rendered(new byte[bytes], Optional.empty());
        };
    }

    @Test
    void aBodyIsRenderedOnceForRepeatedRequestsWithTheSameTag() {
        Rendered first = cache.reply("\"a\"", body(10)).body().get();
        Rendered again = cache.reply("\"a\"", body(10)).body().get();

        assertThat(again).isSameAs(first);
        assertThat(renders).hasValue(1);
    }

    @Test
    void aNewTagIsRenderedAgain() {
        cache.reply("\"a\"", body(10)).body().get();
        cache.reply("\"b\"", body(10)).body().get();

        assertThat(renders).hasValue(2);
    }

    @Test
    void aReplyWhoseBodyIsNeverAskedForRendersNothing() {
        Reply reply = cache.reply("\"a\"", body(10));

        assertThat(reply.etag()).isEqualTo("\"a\"");
        assertThat(renders).hasValue(0);
    }

    @Test
    void bodiesLargerThanTheLimitAreRenderedEachTime() {
        cache.reply("\"big\"", body(BodyCache.MAX_BODY_BYTES + 1)).body().get();
        cache.reply("\"big\"", body(BodyCache.MAX_BODY_BYTES + 1)).body().get();

        assertThat(renders).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theOldestBodyMakesRoomOnceTheCacheIsFull() {
        for (int i = 0; i <= BodyCache.ENTRIES; i++) {
            cache.reply("\"" + i + "\"", body(1)).body().get();
        }
        assertThat(cache.size()).isEqualTo(BodyCache.ENTRIES);

        cache.reply("\"" + BodyCache.ENTRIES + "\"", body(1)).body().get();
        cache.reply("\"0\"", body(1)).body().get();

        assertThat(renders).as("the newest was kept, the oldest was rendered again").hasValue(BodyCache.ENTRIES + 2);
    }

    @Test
    void aNegotiatedPageIsKeptByItsTagAndSaysItWasNegotiated() {
        Reply reply = cache.negotiated("\"p\"", body(10), () -> true);
        Rendered first = reply.body().get();
        Rendered again = cache.negotiated("\"p\"", body(10), () -> true).body().get();

        assertThat(reply.negotiated()).isTrue();
        assertThat(again).isSameAs(first);
        assertThat(renders).hasValue(1);
    }

    @Test
    void aPageRenderedAfterTheHeadMovedIsSentButNotKept() {
        Rendered moved = cache.negotiated("\"p\"", body(10), () -> false).body().get();
        cache.negotiated("\"p\"", body(10), () -> true).body().get();

        assertThat(moved.body()).hasSize(10);
        assertThat(renders).hasValue(2);
        assertThat(cache.size()).isOne();
    }
}
