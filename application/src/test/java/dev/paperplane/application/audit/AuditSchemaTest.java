package dev.paperplane.application.audit;

import static dev.paperplane.application.contract.SampleEvents.T0;
import static dev.paperplane.application.contract.SampleEvents.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.DecisionRecorded;
import dev.paperplane.domain.decision.Action;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditSchemaTest {

    @Test
    void everyEventTypeOfTheDomainHasOneEntryNamedAsItsType() {
        assertThat(AuditSchema.names()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(AuditEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
        assertThat(SampleEvents.oneOfEach()).extracting(AuditEvent::type)
                .containsExactlyInAnyOrderElementsOf(AuditSchema.names());
    }

    static Stream<AuditEvent> events() {
        return Stream.concat(SampleEvents.oneOfEach().stream(), Stream.of(new DecisionRecorded(T0, "s", 1, "ACME",
                Action.BUY, d("1"), "caf\u00e9 \"q\" \\ \n\t\u0000\u001f\u2028\uD83D\uDE00", new TreeMap<>())));
    }

    @ParameterizedTest
    @MethodSource("events")
    void aDecodedRecordKeepsItsPayloadExactlyAsStored(AuditEvent event) {
        EncodedRecord sealed = AuditCodec.seal(ChainHead.GENESIS, event);
        String line = new String(sealed.line(), StandardCharsets.UTF_8);
        String stored = line.substring(line.indexOf(",\"payload\":") + ",\"payload\":".length(),
                line.lastIndexOf(",\"hash\":"));

        AuditRecord opened = AuditCodec.open(ChainHead.GENESIS, sealed.line(), 0, sealed.line().length - 1);
        AuditRecord unverified = AuditCodec.decodeUnverified(sealed.line(), 0, sealed.line().length - 1);

        assertThat(opened.payloadJson()).isEqualTo(stored).isEqualTo(AuditCodec.payloadJson(event));
        assertThat(unverified.payloadJson()).isEqualTo(stored);
    }
}
