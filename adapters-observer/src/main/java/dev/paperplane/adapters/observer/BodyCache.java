package dev.paperplane.adapters.observer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * The last bodies of the whole (unpaged) resources, by entity tag. Equal tags mean byte-identical bodies, so
 * a body pinned to the log's head is rendered once per head and per request, not once per request.
 */
final class BodyCache {
    /** Bodies kept: every whole resource at a few heads. */
    static final int ENTRIES = 32;
    /** Larger bodies are rendered each time rather than held. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final LinkedHashMap<String, Rendered> bodies = new LinkedHashMap<>();

    /** A reply tagged {@code etag} whose body is rendered by {@code body} unless a body with that tag is kept. */
    Reply reply(String etag, Supplier<Rendered> body) {
        return new Reply(etag, () -> {
            synchronized (bodies) {
                Rendered kept = bodies.get(etag);
                if (kept != null) {
                    return kept;
                }
            }
            Rendered rendered = body.get();
            if (rendered.body().length <= MAX_BODY_BYTES) {
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
        });
    }

    /** How many bodies are kept. */
    int size() {
        synchronized (bodies) {
            return bodies.size();
        }
    }
}
