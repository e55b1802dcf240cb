package dev.paperplane.adapters.observer;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * Sends a {@link Reply}: entity tag ({@code Vary: Accept} when the header chose the representation), 304 on a
 * matching If-None-Match, Link for a next page, no body for HEAD.
 */
final class Responses {
    private Responses() {
    }

    /** Sends {@code reply}; returns the body sent, or nothing for a 304. */
    static Optional<Rendered> send(ServerRequest req, ServerResponse res, Reply reply) {
        res.header(HeaderNames.ETAG, reply.etag());
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF);
        if (reply.negotiated()) {
            res.header(HeaderNames.VARY, "Accept");
        }
        List<String> ifNoneMatch = req.headers().contains(HeaderNames.IF_NONE_MATCH)
                ? req.headers().get(HeaderNames.IF_NONE_MATCH).allValues() : List.of();
        if (Etags.matches(ifNoneMatch, reply.etag())) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
            return Optional.empty();
        }
        Rendered rendered = reply.body().get();
        res.header(rendered.contentType());
        rendered.headers().forEach(res::header);
        rendered.next().ifPresent(next -> res.header(HeaderNames.LINK, "<" + next + ">; rel=\"next\""));
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(rendered.body().length));
            res.send();
        } else {
            res.send(rendered.body());
        }
        return Optional.of(rendered);
    }
}
