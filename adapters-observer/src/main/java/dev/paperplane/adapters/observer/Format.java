package dev.paperplane.adapters.observer;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The representation a paginated list answers in: JSON, or RFC 4180 CSV. {@code ?format=json|csv} decides when
 * given; otherwise the {@code Accept} header does, CSV only when it prefers {@code text/csv} to
 * {@code application/json} (a tie is JSON).
 */
enum Format {
    JSON,
    CSV;

    /** The query parameter that chooses the format. */
    static final String PARAMETER = "format";
    /** The media type of every CSV answer (RFC 4180, section 3). */
    static final String CSV_MEDIA_TYPE = "text/csv; charset=utf-8; header=present";
    /** The paths of the paginated lists, the only resources served as CSV. */
    static final Set<String> LISTS = Set.of(ObserverApi.BASE + "/audit/events", ObserverApi.BASE + "/decisions",
            ObserverApi.BASE + "/ledger/fills", ObserverApi.BASE + "/snapshots",
            ObserverApi.BASE + "/performance/trades", ObserverApi.BASE + "/performance/equity");

    private static final MediaType TEXT_CSV = MediaTypes.create("text", "csv");

    /** The format a list request asks for; a {@code format} other than {@code json} or {@code csv} is a 400. */
    static Format of(ServerRequest req, Params params) {
        Optional<String> asked = params.text(PARAMETER);
        if (asked.isPresent()) {
            return switch (asked.get()) {
                case "json" -> JSON;
                case "csv" -> CSV;
                default -> throw ProblemException.badParameter("format must be json or csv, was '"
                        + Problems.excerpt(asked.get()) + "'");
            };
        }
        List<HttpMediaType> accepted = req.headers().acceptedTypes();
        return AcceptHeader.quality(accepted, TEXT_CSV) > AcceptHeader.quality(accepted, MediaTypes.APPLICATION_JSON)
                ? CSV : JSON;
    }

    /**
     * Whether {@code req} may be answered in something its {@code Accept} header admits though JSON is not: a list
     * asked for with {@code ?format=}, which wins over the header, or a list whose header admits CSV.
     */
    static boolean servesBeyondJson(ServerRequest req) {
        if (!LISTS.contains(req.path().path())) {
            return false;
        }
        return req.query().contains(PARAMETER) || AcceptHeader.admits(req.headers().acceptedTypes(), TEXT_CSV);
    }

    /** The {@code format} of the next page's URL: a CSV page's next page is CSV; JSON keeps what was asked. */
    Optional<String> inNext(Params params) {
        return this == CSV ? Optional.of("csv") : params.text(PARAMETER);
    }
}
