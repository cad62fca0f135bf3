package io.grantline.infra.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.api.common.EventJson;
import io.grantline.infra.chain.ChainLink;
import io.grantline.infra.chain.ChainLookup;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** How one stored row is shown to a compliance officer, whatever state the row is in. */
class EventStoreReaderTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final String META = "{\"actorId\":\"mia\",\"channel\":\"API\",\"address\":\"10.0.0.7\",\"correlationId\":\"c-1\"}";

    @Test
    void aStoredEventShowsItsStreamTypeActorAndPayload() {
        HistoryEvent event = withoutChain().toHistory(row("request:r-1", "io.grantline.api.request.ApprovalDecisionRecorded",
                "{\"requestId\":\"r-1\",\"outcome\":\"APPROVE\"}", META));

        assertThat(event.aggregateType()).isEqualTo("AccessRequest");
        assertThat(event.aggregateId()).isEqualTo("r-1");
        assertThat(event.type()).isEqualTo("ApprovalDecisionRecorded");
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.globalIndex()).isEqualTo(42);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-03-14T02:00:00.123Z"));
        assertThat(event.actorId()).isEqualTo("mia");
        assertThat(event.channel()).isEqualTo("API");
        assertThat(event.payload().get("outcome").asText()).isEqualTo("APPROVE");
        assertThat(event.hash()).as("no chain kept").isNull();
        assertThat(event.previousHash()).isNull();
    }

    @Test
    void aPayloadThatIsNotJsonIsShownAsUnreadableNotAFailure() {
        HistoryEvent event = withoutChain().toHistory(row("grant:g-1", "io.grantline.api.grant.AccessGranted", "{\"grantId\":", "\u0000garbage"));

        assertThat(event.payload().toString()).isEqualTo("{\"unreadable\":true}");
        assertThat(event.actorId()).isNull();
        assertThat(event.aggregateType()).isEqualTo("Grant");
    }

    @Test
    void theChainLinkIsShownWhereTheChainIsKept() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        ChainLookup chain = (stream, sequence) -> stream.equals("identity:mia") && sequence == 3
                ? Optional.of(new ChainLink("h3", "h2", 2)) : Optional.empty();
        beans.addBean("chain", chain);
        EventStoreReader reader = new EventStoreReader(null, beans.getBeanProvider(ChainLookup.class));

        HistoryEvent event = reader.toHistory(row("identity:mia", "io.grantline.api.identity.IdentityRegistered", "{}", META));

        assertThat(event.aggregateType()).isEqualTo("Identity");
        assertThat(event.hash()).isEqualTo("h3");
        assertThat(event.previousHash()).isEqualTo("h2");
    }

    @Test
    void everyFieldIsWrittenEvenWhenNull() throws Exception {
        HistoryEvent event = withoutChain().toHistory(row("entitlement:plc-7", "io.grantline.api.entitlement.EntitlementDefined", "{}", null));

        String line = JSON.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .writeValueAsString(event);

        assertThat(line).contains("\"aggregateType\":\"Entitlement\"", "\"hash\":null", "\"previousHash\":null", "\"actorId\":null");
    }

    private static EventStoreReader withoutChain() {
        return new EventStoreReader(null, new StaticListableBeanFactory().getBeanProvider(ChainLookup.class));
    }

    private static StoredEvent row(String stream, String type, String payload, String meta) {
        return new StoredEvent(42, stream, 3, type, "1", "2025-03-14T02:00:00.123Z", payload.getBytes(StandardCharsets.UTF_8),
                meta == null ? null : meta.getBytes(StandardCharsets.UTF_8), "event-42", "Identity");
    }
}
