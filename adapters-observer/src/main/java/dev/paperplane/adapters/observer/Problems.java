package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.view.Problem;
import dev.paperplane.application.text.Excerpt;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Writes RFC 9457 problem documents; never a stack trace, never more of the request than a short excerpt. */
final class Problems {
    /** Media type of every error body. */
    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:paperplane:problem:";
    private static final int MAX_ECHO = 120;

    private Problems() {
    }

    /** The problem document for {@code status}. */
    static byte[] body(Status status, String slug, String title, String detail, String instance) {
        return Json.bytes(new Problem(TYPE_PREFIX + slug, title, status.code(), detail, excerpt(instance)));
    }

    /** Sends a problem; for HEAD the headers only. */
    static void send(ServerRequest req, ServerResponse res, Status status, String slug, String title, String detail) {
        byte[] body = body(status, slug, title, detail, req.path().rawPath());
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF);
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    static void send(ServerRequest req, ServerResponse res, ProblemException problem) {
        send(req, res, problem.status(), problem.slug(), problem.title(), problem.getMessage());
    }

    /** A request value shortened for an error message, so no answer grows with the request. */
    static String excerpt(String value) {
        return Excerpt.cut(value, MAX_ECHO);
    }
}
