package dev.paperplane.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final List<EncodedRecord> chain = SampleEvents.seal(ChainHead.GENESIS, SampleEvents.oneOfEach());

    @Test
    void decodesAWholeChainInOrder() {
        ChainVerifier verifier = new ChainVerifier(ChainHead.GENESIS);
        for (EncodedRecord record : chain) {
            AuditRecord opened = verifier.next(record.line(), 0, record.line().length - 1);
            assertThat(opened.seq()).isEqualTo(record.seq());
            assertThat(opened.hash()).isEqualTo(record.hash());
        }
        assertThat(verifier.head()).isEqualTo(SampleEvents.headOf(chain));
    }

    @Test
    void verifyAdvancesWithoutDecodingAndThenNextDecodesTheFollowingRecord() {
        ChainVerifier verifier = new ChainVerifier(ChainHead.GENESIS);
        for (EncodedRecord record : chain.subList(0, 5)) {
            assertThat(verifier.verify(record.line(), 0, record.line().length - 1)).isEqualTo(record.seq());
        }
        EncodedRecord last = chain.get(5);
        assertThat(verifier.next(last.line(), 0, last.line().length - 1).event()).isEqualTo(SampleEvents.completed());
    }

    @Test
    void aRejectedLineLeavesTheVerifierWhereItWas() {
        ChainVerifier verifier = new ChainVerifier(ChainHead.GENESIS);
        EncodedRecord second = chain.get(1);
        assertThatThrownBy(() -> verifier.verify(second.line(), 0, second.line().length - 1))
                .isInstanceOf(RecordFormatException.class);
        assertThat(verifier.head()).isEqualTo(ChainHead.GENESIS);
        assertThat(verifier.nextSeq()).isEqualTo(1);
    }

    @Test
    void aSkippedRecordBreaksTheChain() {
        ChainVerifier verifier = new ChainVerifier(ChainHead.GENESIS);
        verifier.verify(chain.get(0).line(), 0, chain.get(0).line().length - 1);
        EncodedRecord third = chain.get(2);
        assertThatThrownBy(() -> verifier.next(third.line(), 0, third.line().length - 1))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("seq 3 does not follow seq 1");
    }

    @Test
    void aVerifierStartsFromAnyHead() {
        ChainHead afterThree = new ChainHead(3, chain.get(2).hash());
        ChainVerifier verifier = new ChainVerifier(afterThree);
        EncodedRecord fourth = chain.get(3);
        assertThat(verifier.next(fourth.line(), 0, fourth.line().length - 1).event())
                .isEqualTo(SampleEvents.rejection());
    }
}
