package io.grantline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.api.common.EventJson;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.RejectionReason;
import io.grantline.api.upcasting.AccessRequestRejectedUpcaster;
import io.grantline.api.upcasting.ApprovalDecisionRecordedUpcaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Events stored in an older revision are read as the current one: the pinned JSON of each old revision, upcast. */
class UpcastersTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new ApprovalDecisionRecordedUpcaster(),
            new AccessRequestRejectedUpcaster());

    @Test
    void aDecisionStoredBeforeAuthenticationWasRecordedReadsAsNotRecorded() throws Exception {
        ApprovalDecisionRecorded decision = read(ApprovalDecisionRecorded.class, "ApprovalDecisionRecorded-r1.json");
        assertThat(decision.authentication()).isEqualTo(new DecisionAuthentication(DecisionAuthentication.Method.NOT_RECORDED, null));
        assertThat(decision.reauthenticated()).isTrue();
        assertThat(decision.approverId().value()).isEqualTo("carol");
    }

    @Test
    void aSeparationOfDutiesRejectionStoredAsRevisionOneReadsAsSodConflict() throws Exception {
        String revisionOne = """
                {"requestId":"r-1","reason":"SEPARATION_OF_DUTIES","detail":"'alice' holds 'plc-7-engineer'"}""";
        AccessRequestRejected rejected = upcast(AccessRequestRejected.class, revisionOne);
        assertThat(rejected.reason()).isEqualTo(RejectionReason.SOD_CONFLICT);
        assertThat(rejected.detail()).isEqualTo("'alice' holds 'plc-7-engineer'");
    }

    @Test
    void otherRejectionsKeepTheirReason() throws Exception {
        AccessRequestRejected rejected = read(AccessRequestRejected.class, "AccessRequestRejected-r1.json");
        assertThat(rejected.reason()).isEqualTo(RejectionReason.APPROVER_REJECTED);
    }

    private <T> T read(Class<T> type, String pinnedRevisionOne) throws Exception {
        return upcast(type, Files.readString(Path.of("src/test/resources/pinned-events", pinnedRevisionOne)));
    }

    private <T> T upcast(Class<T> type, String json) {
        SerializedObject<byte[]> payload = new SimpleSerializedObject<>(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(type.getName(), "1"));
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("AccessRequest", "r-1", 0, "event-1",
                java.time.Instant.EPOCH, payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .collect(Collectors.toList());
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }
}
