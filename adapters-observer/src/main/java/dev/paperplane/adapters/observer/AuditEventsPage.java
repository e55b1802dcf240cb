package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditRecord;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The body of an audit events page ({@code GET /observer/v1/audit/events}) as a function of the records it pages:
 * the observer's events resource renders every page with it, and it renders the same bytes from records read
 * anywhere else (the page benchmark measures the encoding alone through it).
 */
public final class AuditEventsPage {

    private AuditEventsPage() {
    }

    /**
     * The body {@code GET /observer/v1/audit/events?limit=LIMIT[&type=TYPE]} answers once it has read
     * {@code records} (those after its cursor, of the type if one is given): at most {@code limit} of them, one more
     * making the page say where the next starts, within {@code maxResponseBytes}
     * ({@link ObserverSettings#maxResponseBytes()}).
     */
    public static byte[] body(Iterator<AuditRecord> records, int limit, Optional<String> type, long maxResponseBytes) {
        return render(new Pager(maxResponseBytes), records, limit, type, Format.JSON, Optional.empty()).body();
    }

    /** The page in {@code format}; the next page's URL carries {@code formatInNext} as its {@code format}. */
    static Rendered render(Pager pager, Iterator<AuditRecord> records, int limit, Optional<String> type, Format format,
                           Optional<String> formatInNext) {
        return pager.page(records, limit, Listings.EVENTS, format, seq -> ObserverApi.BASE + "/audit/events"
                + ObserverApi.query(seq, limit, Map.of("type", type, Format.PARAMETER, formatInNext)));
    }
}
