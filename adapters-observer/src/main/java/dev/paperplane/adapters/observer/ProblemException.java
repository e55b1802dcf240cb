package dev.paperplane.adapters.observer;

import io.helidon.http.Status;

/** A request the observer answers with an RFC 9457 problem instead of a resource. */
final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Status status;
    private final String slug;
    private final String title;

    ProblemException(Status status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    static ProblemException badParameter(String detail) {
        return new ProblemException(Status.BAD_REQUEST_400, "bad-parameter", "Malformed or out-of-range parameter",
                detail);
    }

    static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND_404, "not-found", "Not found", detail);
    }

    Status status() {
        return status;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }
}
