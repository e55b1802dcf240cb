package dev.paperplane.adapters.observer;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Method;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;

/**
 * What every request must be before it is routed, on every path: GET or HEAD (else 405), a well-formed
 * {@code Accept} header (else 400) and, but for the metrics endpoint, one that admits JSON, or CSV on a paginated
 * list (else 406).
 */
final class RequestChecks implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Method method = req.prologue().method();
        if (method != Method.GET && method != Method.HEAD) {
            res.header(HeaderNames.ALLOW, ObserverServer.ALLOW);
            Problems.send(req, res, Status.METHOD_NOT_ALLOWED_405, "method-not-allowed", "Method not allowed",
                    "the observer is read-only: it answers GET and HEAD only");
            return;
        }
        List<String> accept = req.headers().contains(HeaderNames.ACCEPT)
                ? req.headers().get(HeaderNames.ACCEPT).allValues() : List.of();
        if (!AcceptHeader.wellFormed(accept)) {
            Problems.send(req, res, Status.BAD_REQUEST_400, "bad-accept", "Malformed Accept header",
                    "the Accept header is not a list of media ranges such as `application/json` or"
                            + " `application/json;q=0.5, */*;q=0.1` (RFC 9110, section 12.5.1)");
            return;
        }
        // metrics and the tlog-tiles resources are not JSON: stock clients ask for what they read
        String path = req.path().path();
        if (!path.startsWith(ObserverMetrics.ENDPOINT) && !path.startsWith(LogApi.LOG + "/")
                && !acceptsJson(req.headers()) && !Format.servesBeyondJson(req)) {
            Problems.send(req, res, Status.NOT_ACCEPTABLE_406, "not-acceptable", "Not acceptable",
                    "the observer answers application/json (errors application/problem+json), and the paginated"
                            + " lists also text/csv; send an Accept header that admits one of them");
            return;
        }
        chain.proceed();
    }

    private static boolean acceptsJson(ServerRequestHeaders headers) {
        List<HttpMediaType> accepted = headers.acceptedTypes();
        return AcceptHeader.admits(accepted, MediaTypes.APPLICATION_JSON)
                || AcceptHeader.admits(accepted, MediaTypes.create("application", "problem+json"));
    }
}
