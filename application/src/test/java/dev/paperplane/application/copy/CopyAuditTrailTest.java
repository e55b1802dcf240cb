package dev.paperplane.application.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.append.AuditAppendPort;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.application.session.SessionBatches;
import dev.paperplane.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link CopyAuditTrail} between two in-memory stores: what it appends, in which groups, and what it refuses. */
class CopyAuditTrailTest {
    private final InMemoryStore source = new InMemoryStore();
    private final InMemoryStore target = new InMemoryStore();
    /** Every group the copy appended, as the batches it handed over. */
    private final List<List<List<EncodedRecord>>> groups = new ArrayList<>();
    private final List<String> passes = new ArrayList<>();

    @Test
    void copiesEveryRecordInWholeRuntimeBatchesGroupedToAboutAThousandRecordsThenVerifiesTheTarget() {
        source.append(SampleEvents.foldingSession(2_500));

        CopyAuditTrail.Result result = copy();

        assertThat(records(target)).isEqualTo(records(source));
        assertThat(result.head()).isEqualTo(source.head());
        assertThat(result.recordsCopied()).isEqualTo(2_500);
        assertThat(result.verification().ok()).isTrue();
        assertThat(result.verification().head()).isEqualTo(source.head());
        assertThat(passes).containsExactly("READING", "COPYING", "VERIFYING");
        assertThat(groups).hasSize(3);
        AuditEvent previous = null;
        for (List<List<EncodedRecord>> group : groups) {
            assertThat(group.stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(CopyAuditTrail.GROUP + 1);
            for (List<EncodedRecord> batch : group) {
                AuditEvent first = source.read(batch.getFirst().seq()).orElseThrow().event();
                assertThat(SessionBatches.startsBatch(previous, first)).as("a batch of the runtime's starts").isTrue();
                previous = source.read(batch.getLast().seq()).orElseThrow().event();
            }
        }
    }

    @Test
    void continuesATargetThatHoldsAPrefixOfTheSource() {
        source.append(SampleEvents.events(30));
        target.append(records(source).subList(0, 12).stream().map(AuditRecord::event).toList());

        CopyAuditTrail.Result result = copy();

        assertThat(result.recordsPresent()).isEqualTo(12);
        assertThat(result.recordsCopied()).isEqualTo(18);
        assertThat(records(target)).isEqualTo(records(source));
    }

    @Test
    void refusesATargetThatHoldsSomethingElseAndAppendsNothing() {
        source.append(SampleEvents.events(30));
        target.append(SampleEvents.oneOfEach());
        ChainHead before = target.head();

        assertThatThrownBy(this::copy).isInstanceOf(CopyFailedException.class)
                .hasMessageStartingWith("the target memory:target is not empty and not a prefix of the source "
                        + "memory:source: at seq " + before.seq() + " the target holds hash " + before.hash());
        assertThat(target.head()).isEqualTo(before);
    }

    private CopyAuditTrail.Result copy() {
        CopyAuditTrail copy = new CopyAuditTrail(new CopyAuditTrail.Source("memory:source", source, source));
        return copy.copy(() -> {
            InMemoryStore.Writer writer = target.openWriter();
            AuditAppendPort recording = new AuditAppendPort() {
                @Override
                public ChainHead head() {
                    return writer.head();
                }

                @Override
                public void append(List<EncodedRecord> batch) {
                    writer.append(batch);
                }

                @Override
                public void appendBatches(List<List<EncodedRecord>> batches) {
                    groups.add(List.copyOf(batches));
                    AuditAppendPort.super.appendBatches(batches);
                }

                @Override
                public void close() {
                    writer.close();
                }
            };
            return new CopyAuditTrail.Target("memory:target", recording, writer, target, target, writer::close);
        }, new CopyListener() {
            @Override
            public PassProgress start(Pass pass) {
                passes.add(pass.name());
                return new PassProgress() {
                    @Override
                    public void update(long done, long total) {
                        assertThat(done).isBetween(1L, total);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void snapshotSkipped(long seq, String problem) {
                throw new AssertionError("no snapshot to skip, but seq " + seq + ": " + problem);
            }
        });
    }

    private static List<AuditRecord> records(InMemoryStore store) {
        try (Stream<AuditRecord> records = store.readAfter(0)) {
            return records.toList();
        }
    }
}
