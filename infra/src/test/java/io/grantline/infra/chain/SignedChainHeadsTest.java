package io.grantline.infra.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insider who can write the database but holds no signing key: a history rewritten with every hash and checkpoint
 * recomputed, or the database restored from an earlier dump, is caught with a manifest or a head kept outside it. The
 * store is shared with the other tests, so every change is undone, row for row, before the test ends.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignedChainHeadsTest extends GrantlineIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger MAIL_DAYS = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    ChainCheckpoints checkpoints;

    @Autowired
    ChainAdoption adoption;

    @Autowired
    ChainWitnessMail witnessMail;

    @Autowired
    GreenMail smtp;

    @Test
    void everyCheckpointHeadIsSignedWithThePublishedKeyAndLogged(CapturedOutput output) {
        identityWithFourEvents("sam");
        SignedHead head = checkpoints.latest().orElseThrow();
        JsonNode key = admin().get("/api/compliance/public-key").json();

        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.get("keyId").asText()).isEqualTo(head.keyId());
        assertThat(key.get("pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Ed25519Keys.verify(Ed25519Keys.readPublicKey(key.get("publicKey").asText()), head.statement(), head.signature()))
                .isTrue();
        assertThat(output.getAll()).contains("Signed chain head checkpoint=" + head.checkpointId() + " ",
                "globalIndex=" + head.globalIndex() + " head=" + head.head() + " signature=" + head.signature());
        assertThat(api().get("/api/compliance/public-key").status()).isEqualTo(401);
    }

    @Test
    void anEventRewrittenWithEveryLaterHashAndCheckpointRecomputedIsCaughtByAnEarlierManifest() throws Exception {
        String stream = identityWithFourEvents("rex");
        JsonNode manifest = manifestOfAnExportNow(stream);
        assertThat(verifyWith(manifest).get("ok").asBoolean()).as("the manifest holds before the rewrite").isTrue();
        long firstCheckpoint = jdbc.sql("SELECT checkpoint_id FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = 1")
                .param(stream).query(Long.class).single();
        StoreRows events = StoreRows.select(jdbcTemplate, "DomainEventEntry", "aggregateIdentifier = ?", stream);
        StoreRows hashes = StoreRows.select(jdbcTemplate, "event_hash", "aggregate_identifier = ?", stream);
        StoreRows heads = StoreRows.select(jdbcTemplate, "chain_checkpoint", "id >= ?", firstCheckpoint);
        JsonNode caught;
        JsonNode caughtAfterResigning;
        JsonNode plainVerifyAfterResigning;
        try {
            rewriteAsAnInsider(stream, firstCheckpoint);
            caught = verifyWith(manifest);
            // the insider also removes the signatures, and an operator later signs what is unsigned (adoption)
            jdbc.sql("UPDATE chain_checkpoint SET signature = NULL WHERE id >= ?").param(firstCheckpoint).update();
            adoption.signUnsignedCheckpoints();
            plainVerifyAfterResigning = admin().get("/api/compliance/verify").json();
            caughtAfterResigning = verifyWith(manifest);
        } finally {
            restore(events, hashes, heads, stream, firstCheckpoint);
        }

        assertThat(caught.get("ok").asBoolean()).as("%s", caught).isFalse();
        assertThat(caught.get("firstBrokenAt").get("problem").asText()).isEqualTo("BAD_SIGNATURE");
        assertThat(caught.get("firstBrokenAt").get("checkpointId").asLong()).isEqualTo(firstCheckpoint);
        assertThat(plainVerifyAfterResigning.get("ok").asBoolean()).as("re-signed, the store looks whole in itself").isTrue();
        assertThat(caughtAfterResigning.get("ok").asBoolean()).as("%s", caughtAfterResigning).isFalse();
        assertThat(caughtAfterResigning.get("firstBrokenAt").get("problem").asText()).isEqualTo("HEAD_REPLACED");
        assertThat(caughtAfterResigning.get("firstBrokenAt").get("globalIndex").asLong()).isEqualTo(manifest.get("globalIndex").asLong());
        assertThat(verifyWith(manifest).get("ok").asBoolean()).as("after the rewrite was undone").isTrue();
    }

    @Test
    void aDatabaseRestoredFromAnEarlierDumpIsCaughtByALaterManifest() throws Exception {
        identityWithFourEvents("ada");
        long dumpedUpTo = jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry").query(Long.class).single();
        long dumpedCheckpoint = checkpoints.latest().orElseThrow().checkpointId();
        String later = identityWithFourEvents("bob");
        JsonNode manifest = manifestOfAnExportNow(later);
        assertThat(manifest.get("globalIndex").asLong()).isGreaterThan(dumpedUpTo);

        StoreRows events;
        StoreRows hashes;
        StoreRows heads;
        JsonNode plainVerify;
        JsonNode withManifest;
        // the restore of a dump taken at dumpedUpTo: the events, hashes and checkpoints written since are gone
        {
            hashes = StoreRows.remove(jdbcTemplate, "event_hash", "EXISTS (SELECT 1 FROM DomainEventEntry d WHERE d.aggregateIdentifier"
                    + " = event_hash.aggregate_identifier AND d.sequenceNumber = event_hash.sequence_number AND d.globalIndex > ?)", dumpedUpTo);
            events = StoreRows.remove(jdbcTemplate, "DomainEventEntry", "globalIndex > ?", dumpedUpTo);
            heads = StoreRows.remove(jdbcTemplate, "chain_checkpoint", "id > ?", dumpedCheckpoint);
            try {
                plainVerify = admin().get("/api/compliance/verify").json();
                withManifest = verifyWith(manifest);
            } finally {
                events.insert(jdbcTemplate);
                hashes.insert(jdbcTemplate);
                heads.insert(jdbcTemplate);
            }
        }

        assertThat(plainVerify.get("ok").asBoolean()).as("a restored store is whole in itself: %s", plainVerify).isTrue();
        assertThat(withManifest.get("ok").asBoolean()).as("%s", withManifest).isFalse();
        JsonNode at = withManifest.get("firstBrokenAt");
        assertThat(at.get("problem").asText()).isEqualTo("ROLLED_BACK");
        assertThat(at.get("globalIndex").asLong()).isEqualTo(manifest.get("globalIndex").asLong());
        assertThat(at.get("detail").asText()).contains("restored to an earlier state");
        assertThat(verifyWith(manifest).get("ok").asBoolean()).as("after the restore was undone").isTrue();
    }

    @Test
    void aForgedOrChangedManifestVouchesForNothingAndAMalformedOneIsRefused() throws Exception {
        String stream = identityWithFourEvents("fay");
        ObjectNode manifest = (ObjectNode) manifestOfAnExportNow(stream);

        // signed with a key of the forger's own, under Grantline's key id
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ObjectNode forged = manifest.deepCopy();
        forged.put("signature", Ed25519Keys.sign(forger.getPrivate(), forged.get("signedHead").asText()));
        assertNotSignedHere(forged, "manifest.signature");

        ObjectNode otherHead = manifest.deepCopy();
        otherHead.put("chainHead", "0".repeat(64));
        assertNotSignedHere(otherHead, "manifest.signedHead");
        otherHead.remove("signedHead");
        assertNotSignedHere(otherHead, "manifest.signature");

        ObjectNode otherKey = manifest.deepCopy();
        otherKey.put("keyId", "0123456789abcdef");
        assertNotSignedHere(otherKey, "manifest.keyId");

        ObjectNode malformed = manifest.deepCopy();
        malformed.put("globalIndex", "soon");
        assertRefused(malformed, "manifest.globalIndex");
        Api.Response missing = admin().post("/api/compliance/verify", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("manifest");
    }

    @Test
    void theSignedHeadsAreMailedToComplianceOfficersOnceADayAndProveTheStoreLater() throws Exception {
        Catalog catalog = new Catalog(admin());
        String officer = catalog.person("cora", null);
        assertThat(admin().put("/api/identities/" + officer + "/roles", "{\"roles\":[\"COMPLIANCE_OFFICER\"]}").status()).isEqualTo(202);
        identityWithFourEvents("dan");
        SignedHead head = checkpoints.latest().orElseThrow();
        Mailbox mailbox = new Mailbox(smtp);
        String address = officer + "@plant.example";

        // the officer's role reaches the read model moments later: each try is another day's mail
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            witnessMail.send(LocalDate.of(1990, 1, 1).plusDays(MAIL_DAYS.incrementAndGet()));
            return !mailbox.to(address, ChainWitnessMail.SUBJECT).isEmpty();
        });
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(MAIL_DAYS.get());
        String mail = Mailbox.htmlPart(mailbox.to(address, ChainWitnessMail.SUBJECT).get(0));

        assertThat(mail).contains("globalIndex " + head.globalIndex(), "chainHead   " + head.head(), "signature   " + head.signature(),
                admin().get("/api/compliance/public-key").json().get("publicKey").asText());
        assertThat(witnessMail.send(day)).as("that day's mail is sent once").isFalse();
        JsonNode kept = verify(Map.of("head", Map.of("globalIndex", head.globalIndex(), "chainHead", head.head(),
                "signature", head.signature())));
        assertThat(kept.get("ok").asBoolean()).as("%s", kept).isTrue();
        JsonNode forged = verify(Map.of("head", Map.of("globalIndex", head.globalIndex() + 1, "chainHead", head.head(),
                "signature", head.signature())));
        assertThat(forged.get("ok").asBoolean()).as("%s", forged).isFalse();
        assertThat(forged.get("firstBrokenAt").get("problem").asText()).isEqualTo("NOT_SIGNED_HERE");
        assertThat(forged.get("firstBrokenAt").get("detail").asText()).startsWith("head.signature: ");
    }

    /** An identity whose stream holds four events, taken by a signed checkpoint. */
    private String identityWithFourEvents(String name) {
        String stream = "identity:" + FourEventStream.identity(admin(), eventStore, name);
        checkpoints.checkpoint();
        return stream;
    }

    /** The manifest of an evidence export of the stream's events, as an auditor keeps it. */
    private JsonNode manifestOfAnExportNow(String stream) throws Exception {
        String first = jdbc.sql("SELECT timeStamp FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0")
                .param(stream).query(String.class).single();
        Instant from = Instant.parse(first);
        Api.Response export = admin().get("/api/compliance/export?from=" + from + "&to=" + from.plusSeconds(60) + "&format=ndjson");
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        String body = export.body();
        return JSON.readTree(body.substring(body.lastIndexOf('\n', body.length() - 2) + 1)).get("manifest");
    }

    /**
     * What an insider with write access and this ADR, but without the key, does: changes event 1 of the stream, recomputes
     * the stream's later hashes, and rebuilds every checkpoint from the one that took event 1, keeping their signatures.
     */
    private void rewriteAsAnInsider(String stream, long firstCheckpoint) throws Exception {
        jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1")
                .params("{\"identityId\":\"x\",\"roles\":[\"ADMINISTRATOR\"]}".getBytes(StandardCharsets.UTF_8), stream).update();
        String previous = jdbc.sql("SELECT hash FROM event_hash WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(stream).query(String.class).single();
        for (long sequence = 1; sequence < 4; sequence++) {
            EventHash.StoredEvent event = jdbc.sql("""
                            SELECT eventIdentifier, type, aggregateIdentifier, sequenceNumber, payloadType, payloadRevision, timeStamp,
                                   payload, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?""")
                    .params(stream, sequence)
                    .query((row, n) -> new EventHash.StoredEvent(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getBytes(8), row.getBytes(9)))
                    .single();
            String hash = EventHash.of(event, previous);
            jdbc.sql("UPDATE event_hash SET hash = ?, previous_hash = ? WHERE aggregate_identifier = ? AND sequence_number = ?")
                    .params(hash, previous, stream, sequence).update();
            previous = hash;
        }
        String head = jdbc.sql("SELECT previous_head_hash FROM chain_checkpoint WHERE id = ?").param(firstCheckpoint)
                .query(String.class).optional().orElse(null);
        for (long id : jdbc.sql("SELECT id FROM chain_checkpoint WHERE id >= ? ORDER BY id").param(firstCheckpoint).query(Long.class).list()) {
            String previousHead = head;
            for (Map<String, Object> link : jdbcTemplate.queryForList("""
                    SELECT d.globalIndex AS g, h.hash AS h FROM event_hash h JOIN DomainEventEntry d
                    ON d.aggregateIdentifier = h.aggregate_identifier AND d.sequenceNumber = h.sequence_number
                    WHERE h.checkpoint_id = ? ORDER BY d.globalIndex""", id)) {
                head = EventHash.fold(head, ((Number) link.get("g")).longValue(), (String) link.get("h"));
            }
            jdbc.sql("UPDATE chain_checkpoint SET head_hash = ?, previous_head_hash = ? WHERE id = ?").params(head, previousHead, id).update();
        }
    }

    private void restore(StoreRows events, StoreRows hashes, StoreRows heads, String stream, long firstCheckpoint) {
        jdbcTemplate.update("DELETE FROM event_hash WHERE aggregate_identifier = ?", stream);
        jdbcTemplate.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ?", stream);
        jdbcTemplate.update("DELETE FROM chain_checkpoint WHERE id >= ?", firstCheckpoint);
        events.insert(jdbcTemplate);
        hashes.insert(jdbcTemplate);
        heads.insert(jdbcTemplate);
    }

    private JsonNode verifyWith(JsonNode manifest) throws Exception {
        return verify(Map.of("manifest", manifest));
    }

    private JsonNode verify(Object body) throws Exception {
        Api.Response response = admin().post("/api/compliance/verify", JSON.writeValueAsString(body));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    /** The answer of an intact store to a manifest it did not sign as it stands: "not held", naming the field. */
    private void assertNotSignedHere(JsonNode manifest, String field) throws Exception {
        JsonNode answer = verifyWith(manifest);
        assertThat(answer.get("ok").asBoolean()).as("%s", answer).isFalse();
        assertThat(answer.get("verifiedEvents").asLong()).as("the chain itself is still verified").isPositive();
        assertThat(answer.get("firstBrokenAt").get("problem").asText()).isEqualTo("NOT_SIGNED_HERE");
        assertThat(answer.get("firstBrokenAt").get("detail").asText()).as("%s", answer).startsWith(field + ": ");
    }

    private void assertRefused(JsonNode manifest, String field) throws Exception {
        Api.Response response = admin().post("/api/compliance/verify", JSON.writeValueAsString(Map.of("manifest", manifest)));
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).as("%s", response).isEqualTo(field);
    }
}
