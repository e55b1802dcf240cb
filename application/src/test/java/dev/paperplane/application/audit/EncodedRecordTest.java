package dev.paperplane.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a store checks before it appends: sealed records are trusted only right after their own head. */
class EncodedRecordTest {

    private final List<EncodedRecord> chain = SampleEvents.seal(ChainHead.GENESIS, SampleEvents.oneOfEach());

    @Test
    void recordsSealedInThisProcessAfterTheHeadGiveBackTheirEvents() {
        assertThat(chain).allMatch(SealedRecord.class::isInstance);
        assertThat(EncodedRecord.verifyContinuation(ChainHead.GENESIS, chain))
                .containsExactlyElementsOf(SampleEvents.oneOfEach());
    }

    @Test
    void aSealedRecordChainedToAnotherHeadIsVerifiedInFullAndRefused() {
        ChainHead head = SampleEvents.headOf(chain);
        List<EncodedRecord> forged = SampleEvents.seal(new ChainHead(head.seq(), "0".repeat(64)),
                SampleEvents.oneOfEach());
        assertThatThrownBy(() -> EncodedRecord.verifyContinuation(head, forged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record seq 7 is not the canonical continuation of the chain")
                .hasMessageContaining("chain hash mismatch");
    }

    @Test
    void aSealedRecordAfterTheWrongSeqIsRefused() {
        List<EncodedRecord> stale = SampleEvents.seal(ChainHead.GENESIS, SampleEvents.oneOfEach());
        assertThatThrownBy(() -> EncodedRecord.verifyContinuation(SampleEvents.headOf(chain), stale))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record seq 1 does not follow seq 6");
    }

    @Test
    void foreignBytesAreVerifiedInFullEvenWhenTheyClaimASealedRecordsSeqAndHash() {
        EncodedRecord bar = chain.get(1);
        String text = new String(bar.line(), StandardCharsets.UTF_8);
        String altered = text.replaceFirst("\"close\":\"(\\d)", "\"close\":\"9");
        assertThat(altered).isNotEqualTo(text);
        List<EncodedRecord> batch = List.of(chain.get(0),
                EncodedRecord.of(bar.seq(), bar.hash(), altered.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> EncodedRecord.verifyContinuation(ChainHead.GENESIS, batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record seq 2 is not the canonical continuation of the chain");
    }

    @Test
    void foreignCopiesAndSealedRecordsContinueOneAnotherInOneBatch() {
        List<EncodedRecord> mixed = new ArrayList<>();
        for (EncodedRecord record : chain.subList(0, 3)) {
            mixed.add(EncodedRecord.of(record.seq(), record.hash(), record.line()));
        }
        mixed.addAll(chain.subList(3, chain.size()));
        List<AuditEvent> events = EncodedRecord.verifyContinuation(ChainHead.GENESIS, mixed);
        assertThat(events).containsExactlyElementsOf(SampleEvents.oneOfEach());
    }

    @Test
    void aSealedRecordsBytesCannotBeChangedThroughWhatItHandsOut() {
        EncodedRecord record = chain.getFirst();
        byte[] before = record.line();
        byte[] handedOut = record.line();
        handedOut[2] = 'X';
        assertThat(record.line()).isEqualTo(before);
        assertThat(EncodedRecord.verifyContinuation(ChainHead.GENESIS, List.of(record))).hasSize(1);
    }
}
