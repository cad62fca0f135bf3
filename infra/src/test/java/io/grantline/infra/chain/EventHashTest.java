package io.grantline.infra.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The canonical form is evidence: a hash stored today must be recomputable in twenty years, so it is pinned here. */
class EventHashTest {

    private static final String ZEROS = "0".repeat(64);

    @Test
    void theFirstCanonicalFormIsPinned() throws Exception {
        // sha256 of: grant:abc \n 1 \n type \n 1 \n 2026-01-02T03:04:05.600Z \n {"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1.50}
        //            \n {"actorId":"ada","channel":"api"} \n 000…0
        assertThat(EventHash.of(pinned(), ZEROS, 1)).isEqualTo("19a7a354c5b383e56b5af9e63f3287c5c19ad0cc93f504a5f7de42a9cdf39cfe");
    }

    @Test
    void theCurrentCanonicalFormIsPinnedAndCoversTheEventIdentifierAndAggregateType() throws Exception {
        // sha256 of: grantline-event/2 \n event-1 \n Grant \n (the first form's text)
        assertThat(EventHash.of(pinned(), ZEROS)).isEqualTo("829d76c3a501369ca1de609edd72f0f02e2cd51d621080e0d394ee5ad833f01e");
        EventHash.StoredEvent event = pinned();
        EventHash.StoredEvent otherId = new EventHash.StoredEvent("event-2", event.aggregateType(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.payloadType(), event.payloadRevision(), event.timestamp(), event.payload(), event.metaData());
        EventHash.StoredEvent otherType = new EventHash.StoredEvent(event.eventIdentifier(), "Identity", event.aggregateIdentifier(),
                event.sequenceNumber(), event.payloadType(), event.payloadRevision(), event.timestamp(), event.payload(), event.metaData());
        assertThat(EventHash.of(otherId, ZEROS)).isNotEqualTo(EventHash.of(event, ZEROS));
        assertThat(EventHash.of(otherType, ZEROS)).isNotEqualTo(EventHash.of(event, ZEROS));
        assertThat(EventHash.of(otherId, ZEROS, 1)).as("the first form does not cover them").isEqualTo(EventHash.of(event, ZEROS, 1));
    }

    private static EventHash.StoredEvent pinned() {
        return event("{ \"b\": 1.50,\n \"a\": {\"d\": [1, {\"z\": true, \"y\": null}], \"c\": \"x\"} }",
                "{\"channel\":\"api\",\"actorId\":\"ada\"}");
    }

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheHash() throws Exception {
        String one = EventHash.of(event("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}", "{}"), null);
        String other = EventHash.of(event(" { \"b\" : { \"d\":3, \"c\":2 }, \"a\" : 1 } ", " { } "), null);
        assertThat(one).isEqualTo(other);
    }

    @Test
    void anyChangedValueChangesTheHash() throws Exception {
        String original = EventHash.of(event("{\"roles\":[\"SECURITY_OPERATOR\"]}", "{}"), ZEROS);
        assertThat(EventHash.of(event("{\"roles\":[\"SECURITY_OPERATOS\"]}", "{}"), ZEROS)).isNotEqualTo(original);
        assertThat(EventHash.of(event("{\"roles\":[\"SECURITY_OPERATOR\"]}", "{\"actorId\":\"x\"}"), ZEROS)).isNotEqualTo(original);
        assertThat(EventHash.of(event("{\"roles\":[\"SECURITY_OPERATOR\"]}", "{}"), null)).isNotEqualTo(original);
    }

    @Test
    void aPayloadThatIsNoLongerJsonIsUnreadable() {
        assertThatThrownBy(() -> EventHash.of(event("{\"roles\":[", "{}"), null)).isInstanceOf(EventHash.UnreadableEvent.class);
        assertThatThrownBy(() -> EventHash.of(event("{\"a\":1} trailing", "{}"), null)).isInstanceOf(EventHash.UnreadableEvent.class);
        assertThatThrownBy(() -> EventHash.of(event("{\"a\":1,\"a\":2}", "{}"), null)).isInstanceOf(EventHash.UnreadableEvent.class);
    }

    @Test
    void theCheckpointFoldIsPinned() {
        assertThat(EventHash.fold(null, 7, "abc")).isEqualTo("15ff3388dc816c2fea80681c874f1fe2c4ac533c765cfb5c00a189b9c57a986b");
    }

    private static EventHash.StoredEvent event(String payload, String metaData) {
        return new EventHash.StoredEvent("event-1", "Grant", "grant:abc", 1, "io.grantline.api.grant.AccessGranted", "1", "2026-01-02T03:04:05.600Z",
                payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
    }
}
