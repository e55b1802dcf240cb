package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.ReadCancelledException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Which problem answers which failure. A 503 blames the store, so only a failure raised while a resource read the
 * store ({@link StoreUnavailableException}) or a corrupt log is one; a failure anywhere else is the observer's own
 * (500) or the request's (400). A read the store cancelled and that succeeds when repeated (a hot standby's recovery
 * conflict) is a 503 with {@code Retry-After}, wherever it happened.
 */
final class Failures implements ErrorHandler<RuntimeException> {
    /** Seconds a client waits before repeating a read the store cancelled: a standby's replay moves on in less. */
    static final String RETRY_CANCELLED_AFTER = "1";

    private static final System.Logger LOGGER = System.getLogger(Failures.class.getName());

    private final Runnable cancelledRead;

    /** Failures that call {@code cancelledRead} for every read the store cancelled (a standby's recovery conflict). */
    Failures(Runnable cancelledRead) {
        this.cancelledRead = cancelledRead;
    }

    /** A resource failed to read or replay the store; the cause is what the store threw. */
    static final class StoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnavailableException(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, RuntimeException failure) {
        switch (failure) {
            case ProblemException problem -> Problems.send(req, res, problem);
            case NotFoundException notFound -> Problems.send(req, res, Status.NOT_FOUND_404, "not-found",
                    "Not found", req.path().rawPath().startsWith(ObserverApi.BASE + "/")
                            || req.path().rawPath().equals(ObserverApi.BASE)
                            ? "no such resource; see " + ObserverApi.BASE + "/openapi"
                            : "no such resource or API version; this observer serves " + ObserverApi.BASE
                            + " (see " + ObserverApi.BASE + "/openapi)");
            case AuditCorruptionException corrupt -> Problems.send(req, res, Status.SERVICE_UNAVAILABLE_503,
                    "audit-log-corrupt", "Audit log corrupt", "the audit log fails verification at seq "
                            + corrupt.seq() + "; run `paperplane verify` on the data dir");
            case StoreUnavailableException store when store.getCause() instanceof AuditCorruptionException corrupt ->
                    handle(req, res, corrupt);
            case StoreUnavailableException store when store.getCause() instanceof ReadCancelledException cancelled ->
                    handle(req, res, cancelled);
            case ReadCancelledException cancelled -> {
                cancelledRead.run();
                res.header(HeaderNames.RETRY_AFTER, RETRY_CANCELLED_AFTER);
                Problems.send(req, res, Status.SERVICE_UNAVAILABLE_503, "read-cancelled", "Read cancelled by the "
                        + "store", "the store (a hot standby) cancelled this read to replay its primary's changes; "
                        + "repeat the request after Retry-After seconds");
            }
            case StoreUnavailableException store -> Problems.send(req, res, Status.SERVICE_UNAVAILABLE_503,
                    "data-unavailable", "Data unavailable", "the store could not be read or replayed; check that"
                            + " the data dir is readable and run `paperplane verify` on it");
            case IllegalArgumentException malformed -> badRequest(req, res);
            case HttpException http when http.status().code() >= 400 && http.status().code() < 500 ->
                    badRequest(req, res);
            default -> {
                LOGGER.log(System.Logger.Level.WARNING, "the observer failed to answer "
                        + req.prologue().method().text() + " " + Problems.excerpt(req.path().rawPath()), failure);
                Problems.send(req, res, Status.INTERNAL_SERVER_ERROR_500, "internal-error", "Internal error",
                        "the observer failed to answer this request; its log has the details");
            }
        }
    }

    private static void badRequest(ServerRequest req, ServerResponse res) {
        Problems.send(req, res, Status.BAD_REQUEST_400, "bad-request", "Malformed request",
                "the request could not be parsed (query or header syntax)");
    }
}
