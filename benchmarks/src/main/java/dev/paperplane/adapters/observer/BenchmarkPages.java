package dev.paperplane.adapters.observer;

import dev.paperplane.application.audit.AuditRecord;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' door to the observer's page rendering (package-private, so this class shares the package on the
 * class path): exactly what {@code GET /observer/v1/audit/events?after=A&limit=N} does once the records are read.
 */
public final class BenchmarkPages {

    private BenchmarkPages() {
    }

    /**
     * The JSON body of an audit events page of at most {@code limit} of {@code records} (one more record than the
     * limit makes the page say where the next one starts), within the default response size limit.
     */
    public static byte[] eventsPage(List<AuditRecord> records, int limit) {
        return new Pager(ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES)
                .page(records.iterator(), limit, AuditRecord::seq, ObserverApi::event, ObserverApi::event,
                        seq -> ObserverApi.BASE + "/audit/events" + ObserverApi.query(seq, limit, Map.of()))
                .body();
    }
}
