package dev.paperplane.adapters.observer;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers the errors Helidon raises before routing (unparseable request line or headers, oversized ones) with
 * problem documents. Helidon 4.5.0 reports a header section over the limit as a plain 400 with the message
 * "Header size exceeded" (handed to a direct handler only when the listener's error handling includes the
 * entity); that one becomes the 431 RFC 6585 defines. Messages are matched, never echoed.
 */
final class ProblemDirectHandler implements DirectHandler {
    private static final String HEADER_SIZE_EXCEEDED = "Header size exceeded";
    private static final Status HEADERS_TOO_LARGE = Status.create(431, "Request Header Fields Too Large");
    private static final Status UPGRADE_REQUIRED = Status.create(426, "Upgrade Required");

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, Throwable thrown, System.Logger logger) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (HEADER_SIZE_EXCEEDED.equals(t.getMessage())) {
                return answer(HEADERS_TOO_LARGE, responseHeaders);
            }
        }
        return answer(eventType, defaultStatus, responseHeaders);
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        if (HEADER_SIZE_EXCEEDED.equals(message)) {
            return answer(HEADERS_TOO_LARGE, responseHeaders);
        }
        return answer(eventType, defaultStatus, responseHeaders);
    }

    /**
     * HTTP/1.0 is a client's protocol choice, not a server failure: Helidon's 505 becomes 426 with
     * {@code Upgrade: HTTP/1.1} (RFC 9110, section 15.5.22), as Helidon 4.5.0 cannot serve HTTP/1.0.
     */
    private static TransportResponse answer(EventType eventType, Status status, ServerResponseHeaders headers) {
        if (eventType == EventType.HTTP_VERSION_NOT_SUPPORTED) {
            headers.set(HeaderNames.UPGRADE, "HTTP/1.1");
            return answer(UPGRADE_REQUIRED, headers);
        }
        return answer(status, headers);
    }

    private static TransportResponse answer(Status status, ServerResponseHeaders headers) {
        String slug;
        String title;
        String detail;
        if (status.code() == HEADERS_TOO_LARGE.code()) {
            slug = "headers-too-large";
            title = "Request header fields too large";
            detail = "the request headers exceed " + ObserverServer.MAX_HEADER_BYTES + " bytes";
        } else if (status.code() == Status.REQUEST_URI_TOO_LONG_414.code()) {
            slug = "uri-too-long";
            title = "URI too long";
            detail = "the request line exceeds " + ObserverServer.MAX_REQUEST_LINE_BYTES + " bytes";
        } else if (status.code() == UPGRADE_REQUIRED.code()) {
            slug = "http-version-not-supported";
            title = "HTTP version not supported";
            detail = "the observer speaks HTTP/1.1 only; send the request as HTTP/1.1 (curl: drop --http1.0)";
        } else if (status.code() == Status.METHOD_NOT_ALLOWED_405.code()) {
            slug = "method-not-allowed";
            title = "Method not allowed";
            detail = "the observer is read-only: it answers GET and HEAD only (methods are case-sensitive)";
        } else if (status.code() >= 500) {
            slug = "unavailable";
            title = "Request not served";
            detail = "the observer could not serve this request";
        } else {
            slug = "bad-request";
            title = "Malformed request";
            detail = "the request could not be parsed as HTTP/1.1";
        }
        headers.set(HeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE);
        headers.set(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(Problems.body(status, slug, title, detail, null))
                .build();
    }
}
