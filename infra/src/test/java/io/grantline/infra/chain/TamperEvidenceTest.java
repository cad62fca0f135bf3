package io.grantline.infra.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone with write access to the database changes the event store behind Grantline's back; verification finds the
 * place. The store is shared with the other tests, so every change is undone, byte for byte, before the test ends.
 */
class TamperEvidenceTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "chain-test-password";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChainCheckpoints checkpoints;

    @Autowired
    ChainAdoption adoption;

    @Test
    void anUntouchedStoreVerifies() {
        String stream = identityWithFourEvents();
        long stored = eventStore.count();

        JsonNode report = verify();

        assertThat(report.get("ok").asBoolean()).as("%s", report).isTrue();
        assertThat(report.get("verifiedEvents").asLong()).isGreaterThanOrEqualTo(stored);
        assertThat(report.has("firstBrokenAt")).isFalse();
        assertThat(eventStore.countFor(stream)).isEqualTo(4);
    }

    @Test
    void eventsStoredWithoutHashesAreFoundAndAdoptedOnlyWhenAskedTo() {
        String stream = identityWithFourEvents();
        List<Map<String, Object>> before = hashRowsOf(stream);
        jdbc.sql("DELETE FROM event_hash WHERE aggregate_identifier = ?").param(stream).update();

        assertBrokenAt(verify(), stream, 0, "MISSING_HASH");

        assertThat(adoption.adopt()).isEqualTo(4);
        List<Map<String, Object>> adopted = hashRowsOf(stream);
        assertThat(adopted).extracting(row -> row.get("hash")).containsExactlyElementsOf(before.stream().map(row -> row.get("hash")).toList());
        // a checkpoint may already have taken the original rows: give the adopted ones back their mark, undoing the test
        for (Map<String, Object> row : before) {
            jdbc.sql("UPDATE event_hash SET checkpoint_id = ? WHERE aggregate_identifier = ? AND sequence_number = ?")
                    .params(row.get("checkpoint_id"), stream, row.get("sequence_number")).update();
        }
        assertIntactAgain();
    }

    @Test
    void anAlteredPayloadIsFoundAtItsEvent() {
        String stream = identityWithFourEvents();
        EventRow original = EventRow.read(jdbc, stream, 1);
        String altered = new String(original.payload(), StandardCharsets.UTF_8).replace("SECURITY_OPERATOR", "SECURITY_OPERATOS");
        assertThat(altered).isNotEqualTo(new String(original.payload(), StandardCharsets.UTF_8));
        JsonNode report;
        try {
            jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(altered.getBytes(StandardCharsets.UTF_8), original.globalIndex()).update();
            report = verify();
        } finally {
            jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(original.payload(), original.globalIndex()).update();
        }
        assertBrokenAt(report, stream, 1, "HASH_MISMATCH");
        assertThat(report.get("firstBrokenAt").get("globalIndex").asLong()).isEqualTo(original.globalIndex());
        assertIntactAgain();
    }

    @Test
    void aChangedEventIdentifierIsFoundAtItsEvent() {
        String stream = identityWithFourEvents();
        EventRow original = EventRow.read(jdbc, stream, 2);
        JsonNode report;
        try {
            jdbc.sql("UPDATE DomainEventEntry SET eventIdentifier = ? WHERE globalIndex = ?")
                    .params(java.util.UUID.randomUUID().toString(), original.globalIndex()).update();
            report = verify();
        } finally {
            jdbc.sql("UPDATE DomainEventEntry SET eventIdentifier = ? WHERE globalIndex = ?")
                    .params(original.eventIdentifier(), original.globalIndex()).update();
        }
        assertBrokenAt(report, stream, 2, "HASH_MISMATCH");
        assertIntactAgain();
    }

    @Test
    void anEventReHashedInTheOlderFormThatIgnoresItsIdentifierIsFound() throws Exception {
        String stream = identityWithFourEvents();
        EventRow original = EventRow.read(jdbc, stream, 3);
        JsonNode report;
        try {
            // the insider changes the identifier and re-hashes the row in form 1, which does not cover it
            String identifier = java.util.UUID.randomUUID().toString();
            jdbc.sql("UPDATE DomainEventEntry SET eventIdentifier = ? WHERE globalIndex = ?").params(identifier, original.globalIndex()).update();
            EventHash.StoredEvent event = new EventHash.StoredEvent(identifier, original.type(), stream, 3, original.payloadType(),
                    original.payloadRevision(), original.timeStamp(), original.payload(), original.metaData());
            jdbc.sql("UPDATE event_hash SET hash = ?, hash_form = 1 WHERE aggregate_identifier = ? AND sequence_number = 3")
                    .params(EventHash.of(event, original.previousHash(), 1), stream).update();
            report = verify();
        } finally {
            jdbc.sql("UPDATE DomainEventEntry SET eventIdentifier = ? WHERE globalIndex = ?")
                    .params(original.eventIdentifier(), original.globalIndex()).update();
            jdbc.sql("UPDATE event_hash SET hash = ?, hash_form = ? WHERE aggregate_identifier = ? AND sequence_number = 3")
                    .params(original.hash(), original.hashForm(), stream).update();
        }
        assertBrokenAt(report, stream, 3, "HASH_MISMATCH");
        assertIntactAgain();
    }

    @Test
    void anEventDeletedInTheMiddleOfItsStreamIsFound() {
        String stream = identityWithFourEvents();
        EventRow deleted = EventRow.read(jdbc, stream, 1);
        JsonNode report;
        try {
            deleted.deleteEvent(jdbc);
            report = verify();
        } finally {
            deleted.insertEvent(jdbc);
        }
        assertBrokenAt(report, stream, 1, "MISSING_EVENT");
        assertIntactAgain();
    }

    @Test
    void theLastEventOfAStreamDeletedIsFound() {
        String stream = identityWithFourEvents();
        EventRow deleted = EventRow.read(jdbc, stream, 3);
        JsonNode report;
        try {
            deleted.deleteEvent(jdbc);
            report = verify();
        } finally {
            deleted.insertEvent(jdbc);
        }
        assertBrokenAt(report, stream, 3, "MISSING_EVENT");
        assertIntactAgain();
    }

    @Test
    void twoEventsOfAStreamSwappedAreFound() {
        String stream = identityWithFourEvents();
        JsonNode report;
        try {
            swapSequences(stream, 1, 2);
            report = verify();
        } finally {
            swapSequences(stream, 1, 2);
        }
        assertThat(report.get("ok").asBoolean()).as("%s", report).isFalse();
        JsonNode at = report.get("firstBrokenAt");
        assertThat(at.get("aggregateType").asText() + ":" + at.get("aggregateId").asText()).isEqualTo(stream);
        assertThat(at.get("sequence").asLong()).isIn(1L, 2L);
        assertIntactAgain();
    }

    @Test
    void aWholeStreamDeletedIsFoundThroughTheCheckpoint() {
        String stream = identityWithFourEvents();
        List<EventRow> rows = List.of(EventRow.read(jdbc, stream, 0), EventRow.read(jdbc, stream, 1),
                EventRow.read(jdbc, stream, 2), EventRow.read(jdbc, stream, 3));
        JsonNode report;
        try {
            rows.forEach(row -> {
                row.deleteEvent(jdbc);
                row.deleteHash(jdbc);
            });
            assertThat(eventStore.countFor(stream)).isZero();
            report = verify();
        } finally {
            rows.forEach(row -> {
                row.insertEvent(jdbc);
                row.insertHash(jdbc);
            });
        }
        assertThat(report.get("ok").asBoolean()).as("%s", report).isFalse();
        assertThat(report.get("firstBrokenAt").get("problem").asText()).isEqualTo("CHECKPOINT_MISMATCH");
        assertThat(report.get("firstBrokenAt").get("checkpointId").isNumber()).isTrue();
        assertIntactAgain();
    }

    @Test
    void anEventThatNoLongerParsesIsReportedNotAnError() {
        String stream = identityWithFourEvents();
        EventRow original = EventRow.read(jdbc, stream, 2);
        Api.Response response;
        try {
            jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params("{\"roles\":[\"OT_SEC".getBytes(StandardCharsets.UTF_8), original.globalIndex()).update();
            response = admin().get("/api/compliance/verify");
        } finally {
            jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(original.payload(), original.globalIndex()).update();
        }
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertBrokenAt(response.json(), stream, 2, "UNREADABLE");
        assertIntactAgain();
    }

    @Test
    void aComplianceOfficerMayVerifyAndAnOrdinaryPersonMayNot() {
        Catalog catalog = new Catalog(admin());
        String officer = catalog.signIn(catalog.person("rita", null), PASSWORD);
        String operator = catalog.signIn(catalog.person("otto", null), PASSWORD);
        assertThat(admin().put("/api/identities/" + officer + "/roles", "{\"roles\":[\"COMPLIANCE_OFFICER\"]}").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api().as(officer, PASSWORD).get("/api/compliance/verify").status()).isEqualTo(200));
        assertThat(api().as(operator, PASSWORD).get("/api/compliance/verify").status()).isEqualTo(403);
        assertThat(api().get("/api/compliance/verify").status()).isEqualTo(401);
    }

    /** An identity whose stream holds four events (registered, then three changes of roles), taken by a checkpoint. */
    private String identityWithFourEvents() {
        String stream = "identity:" + FourEventStream.identity(admin(), eventStore, "tom");
        // taken by a checkpoint now, so a scheduled one cannot take the stream while a test has it changed
        checkpoints.checkpoint();
        return stream;
    }

    private void swapSequences(String stream, long one, long other) {
        String move = "UPDATE DomainEventEntry SET sequenceNumber = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?";
        jdbc.sql(move).params(-1, stream, one).update();
        jdbc.sql(move).params(one, stream, other).update();
        jdbc.sql(move).params(other, stream, -1).update();
    }

    private JsonNode verify() {
        Api.Response response = admin().get("/api/compliance/verify");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private List<Map<String, Object>> hashRowsOf(String stream) {
        return jdbc.sql("SELECT sequence_number, hash, checkpoint_id FROM event_hash WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(stream).query((row, n) -> {
                    Map<String, Object> values = new java.util.HashMap<>();
                    values.put("sequence_number", row.getLong(1));
                    values.put("hash", row.getString(2));
                    values.put("checkpoint_id", row.getObject(3));
                    return values;
                }).list();
    }

    private void assertIntactAgain() {
        JsonNode report = verify();
        assertThat(report.get("ok").asBoolean()).as("after the change was undone: %s", report).isTrue();
    }

    private static void assertBrokenAt(JsonNode report, String stream, long sequence, String problem) {
        assertThat(report.get("ok").asBoolean()).as("%s", report).isFalse();
        JsonNode at = report.get("firstBrokenAt");
        assertThat(at.get("aggregateType").asText() + ":" + at.get("aggregateId").asText()).as("%s", report).isEqualTo(stream);
        assertThat(at.get("sequence").asLong()).as("%s", report).isEqualTo(sequence);
        assertThat(at.get("problem").asText()).as("%s", report).isEqualTo(problem);
    }

    /** One stored event and its hash, every column, so that it can be put back exactly as it was. */
    private record EventRow(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                            String eventIdentifier, byte[] metaData, byte[] payload, String payloadRevision,
                            String payloadType, String timeStamp, String hash, String previousHash, Long checkpointId,
                            int hashForm) {

        static EventRow read(JdbcClient jdbc, String stream, long sequence) {
            return jdbc.sql("""
                            SELECT d.globalIndex, d.aggregateIdentifier, d.sequenceNumber, d.type, d.eventIdentifier, d.metaData,
                                   d.payload, d.payloadRevision, d.payloadType, d.timeStamp, h.hash, h.previous_hash, h.checkpoint_id,
                                   h.hash_form
                            FROM DomainEventEntry d
                            JOIN event_hash h ON h.aggregate_identifier = d.aggregateIdentifier AND h.sequence_number = d.sequenceNumber
                            WHERE d.aggregateIdentifier = ? AND d.sequenceNumber = ?""")
                    .params(stream, sequence)
                    .query((row, n) -> new EventRow(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                            row.getString(5), row.getBytes(6), row.getBytes(7), row.getString(8), row.getString(9),
                            row.getString(10), row.getString(11), row.getString(12), row.getObject(13, Long.class), row.getInt(14)))
                    .single();
        }

        /** The event's row goes; its hash stays, as when someone deletes a row of the event table only. */
        void deleteEvent(JdbcClient jdbc) {
            jdbc.sql("DELETE FROM DomainEventEntry WHERE globalIndex = ?").param(globalIndex).update();
        }

        void deleteHash(JdbcClient jdbc) {
            jdbc.sql("DELETE FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = ?")
                    .params(aggregateIdentifier, sequenceNumber).update();
        }

        void insertHash(JdbcClient jdbc) {
            jdbc.sql("INSERT INTO event_hash (aggregate_identifier, sequence_number, hash, previous_hash, checkpoint_id, hash_form)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(aggregateIdentifier, sequenceNumber, hash, previousHash, checkpointId, hashForm).update();
        }

        void insertEvent(JdbcClient jdbc) {
            jdbc.sql("""
                            INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                                                          metaData, payload, payloadRevision, payloadType, timeStamp)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,
                            payloadRevision, payloadType, timeStamp)
                    .update();
        }
    }
}
