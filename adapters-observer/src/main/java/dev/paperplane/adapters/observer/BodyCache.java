package dev.paperplane.adapters.observer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The last bodies rendered, by entity tag. Equal tags mean byte-identical bodies, so a body pinned to the log's
 * head is rendered once per head and per request, not once per request. The observer keeps one for the whole
 * resources and one for pages, so that paging through a long list does not push the whole resources out.
 */
final class BodyCache {
    /** Bodies kept: every whole resource at a few heads, or the pages last asked for. */
    static final int ENTRIES = 32;
    /** Larger bodies are rendered each time rather than held. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final LinkedHashMap<String, Rendered> bodies = new LinkedHashMap<>();

    /** A reply tagged {@code etag} whose body is rendered by {@code body} unless a body with that tag is kept. */
    Reply reply(String etag, Supplier<Rendered> body) {
        return new Reply(etag, kept(etag, body, () -> true));
    }

    /**
     * A reply in the representation the request chose ({@link Reply#negotiated}), its body kept as in
     * {@link #reply} but only when {@code stillPinned} holds once it is rendered: a body rendered after the log
     * moved past the tag's head is sent but not kept under a tag it does not match.
     */
    Reply negotiated(String etag, Supplier<Rendered> body, BooleanSupplier stillPinned) {
        return Reply.negotiated(etag, kept(etag, body, stillPinned));
    }

    private Supplier<Rendered> kept(String etag, Supplier<Rendered> body, BooleanSupplier stillPinned) {
        return () -> {
            synchronized (bodies) {
                Rendered kept = bodies.get(etag);
                if (kept != null) {
                    return kept;
                }
            }
            Rendered rendered = body.get();
            if (rendered.body().length <= MAX_BODY_BYTES && stillPinned.getAsBoolean()) {
                synchronized (bodies) {
                    bodies.put(etag, rendered);
                    if (bodies.size() > ENTRIES) {
                        Iterator<String> oldest = bodies.keySet().iterator();
                        oldest.next();
                        oldest.remove();
                    }
                }
            }
            return rendered;
        };
    }

    /** How many bodies are kept. */
    int size() {
        synchronized (bodies) {
            return bodies.size();
        }
    }
}
