package dev.paperplane.adapters.observer;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}, except liveness, which orchestrators
 * probe without credentials. It runs before every other check of the observer, so a client without the token
 * learns nothing, not even which paths or methods exist: it gets 401 where others would get 404, 405 or 406.
 */
final class Access implements Filter {
    /** The one path served without a token. */
    static final String LIVENESS = "/observe/health/live";
    static final String REALM = "paperplane-observer";
    private static final String SCHEME = "bearer ";

    private final BearerToken token;

    Access(BearerToken token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().path().equals(LIVENESS)) {
            chain.proceed();
            return;
        }
        Verdict verdict = verdict(req.headers());
        if (verdict == Verdict.ACCEPTED) {
            chain.proceed();
            return;
        }
        if (verdict == Verdict.MISSING) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
            Problems.send(req, res, Status.UNAUTHORIZED_401, "unauthorized", "Unauthorized",
                    "this observer needs a bearer token: send `Authorization: Bearer <token>` with the token from"
                            + " the file its operator gave to --token-file");
        } else {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
            Problems.send(req, res, Status.UNAUTHORIZED_401, "unauthorized", "Unauthorized",
                    "the bearer token is not this observer's; send the token from the file its operator gave to"
                            + " --token-file (after a rotation, the new one)");
        }
    }

    private enum Verdict { ACCEPTED, MISSING, REJECTED }

    private Verdict verdict(ServerRequestHeaders headers) {
        if (!headers.contains(HeaderNames.AUTHORIZATION)) {
            return Verdict.MISSING;
        }
        List<String> values = headers.get(HeaderNames.AUTHORIZATION).allValues();
        if (values.size() != 1) {
            return Verdict.REJECTED;
        }
        String value = values.get(0);
        if (value.length() <= SCHEME.length()
                || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Verdict.REJECTED;
        }
        return token.matches(value.substring(SCHEME.length()).strip()) ? Verdict.ACCEPTED : Verdict.REJECTED;
    }
}
