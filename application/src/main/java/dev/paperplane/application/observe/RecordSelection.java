package dev.paperplane.application.observe;

import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.audit.PaperOrderFilled;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which records a page shows: those after a cursor seq, up to a fixed head seq, matching a filter. Reading
 * starts at the cursor through the port's indexed {@code readAfter}, so a page costs the same at any depth,
 * and stops at the head seq, so a page is a function of the log prefix only, however fast a writer appends.
 *
 * @param afterSeq the cursor: only records with a higher seq are selected
 * @param upToSeq  the head seq the answer is pinned to
 * @param filter   which records qualify
 */
public record RecordSelection(long afterSeq, long upToSeq, Predicate<AuditRecord> filter) {

    /** The names of every event type, in ascending order. */
    public static final List<String> EVENT_TYPES = Arrays.stream(AuditEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).sorted().toList();

    public RecordSelection {
        Objects.requireNonNull(filter, "filter");
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must not be negative: " + afterSeq);
        }
    }

    /** Every record, or only those of {@code type} (one of {@link #EVENT_TYPES}). */
    public static RecordSelection events(long afterSeq, long upToSeq, Optional<String> type) {
        type.ifPresent(t -> {
            if (!EVENT_TYPES.contains(t)) {
                throw new IllegalArgumentException("unknown event type '" + t + "', expected one of " + EVENT_TYPES);
            }
        });
        return new RecordSelection(afterSeq, upToSeq, r -> type.map(t -> t.equals(r.event().type())).orElse(true));
    }

    /** The {@code DecisionRecorded} records, optionally of one strategy and one instrument. */
    public static RecordSelection decisions(long afterSeq, long upToSeq, Optional<String> strategyId,
                                            Optional<String> instrument) {
        return new RecordSelection(afterSeq, upToSeq, r -> r.event() instanceof DecisionRecorded d
                && strategyId.map(d.strategyId()::equals).orElse(true)
                && instrument.map(d.instrument()::equals).orElse(true));
    }

    /** The {@code PaperOrderFilled} records. */
    public static RecordSelection fills(long afterSeq, long upToSeq) {
        return new RecordSelection(afterSeq, upToSeq, r -> r.event() instanceof PaperOrderFilled);
    }

    /** The selected records in seq order. The stream holds the port's resources: close it. */
    public Stream<AuditRecord> open(AuditReadPort log) {
        if (afterSeq >= upToSeq) {
            return Stream.empty();
        }
        return log.readAfter(afterSeq).takeWhile(r -> r.seq() <= upToSeq).filter(filter);
    }
}
