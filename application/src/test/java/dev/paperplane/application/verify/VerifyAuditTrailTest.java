package dev.paperplane.application.verify;

import static dev.paperplane.application.session.SessionFixtures.FEED;
import static dev.paperplane.application.session.SessionFixtures.bars;
import static dev.paperplane.application.session.SessionFixtures.config;
import static dev.paperplane.application.session.SessionFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.replay.Replay;
import dev.paperplane.application.replay.ReplayedState;
import dev.paperplane.application.session.RunPaperSession;
import dev.paperplane.application.snapshot.SnapshotCodec;
import dev.paperplane.domain.runtime.RuntimeState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifyAuditTrailTest {

    private final InMemoryStore store = new InMemoryStore();

    @BeforeEach
    void runASession() {
        try (InMemoryStore.Writer writer = store.openWriter()) {
            new RunPaperSession(writer, writer, 100).run(ReplayedState.GENESIS, config(), FEED, source(bars(60)));
        }
    }

    @Test
    void anIntactStoreVerifiesWithEverySnapshotChecked() {
        VerificationReport report = new VerifyAuditTrail(store, store).verify(seq -> { });

        assertThat(report.ok()).isTrue();
        assertThat(report.head()).isEqualTo(store.head());
        assertThat(report.snapshotsChecked()).isEqualTo(store.list().size());
        assertThat(report.stateDigest()).isEqualTo(new Replay(store, store, w -> { }).toHead().state().digest());
    }

    @Test
    void progressReportsEverySeq() {
        List<Long> seen = new ArrayList<>();
        new VerifyAuditTrail(store, store).verify(seen::add);

        assertThat(seen).hasSize((int) store.head().seq()).startsWith(1L).endsWith(store.head().seq());
    }

    @Test
    void aCorruptSnapshotIsReported() {
        long seq = store.list().get(0).seq();
        store.corruptSnapshot(seq);

        VerificationReport report = new VerifyAuditTrail(store, store).verify(s -> { });

        assertThat(report.ok()).isFalse();
        assertThat(report.findings()).anySatisfy(f -> assertThat(f).startsWith("snapshot at seq " + seq));
    }

    @Test
    void aSnapshotThatDiffersFromTheReplayIsReported() {
        InMemoryStore other = new InMemoryStore();
        try (InMemoryStore.Writer writer = other.openWriter()) {
            writer.append(store.readAfter(0).limit(5).map(r -> dev.paperplane.application.audit.AuditCodec
                    .seal(r.seq() == 1 ? dev.paperplane.application.audit.ChainHead.GENESIS
                            : new dev.paperplane.application.audit.ChainHead(r.seq() - 1, store.read(r.seq() - 1).orElseThrow().hash()),
                            r.event())).toList());
            writer.store(SnapshotCodec.snapshot(5, other.head().hash(), RuntimeState.EMPTY));
        }

        VerificationReport report = new VerifyAuditTrail(other, other).verify(s -> { });

        assertThat(report.findings()).containsExactly(
                "snapshot at seq 5: state differs from a replay of the log up to that seq");
    }
}
