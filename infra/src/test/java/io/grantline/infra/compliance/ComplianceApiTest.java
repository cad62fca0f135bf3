package io.grantline.infra.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A compliance officer's questions about one privilege's whole life: filed, approved over the API, granted,
 * provisioned and revoked. The grant is built once, through the API, and every test reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceApiTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "compliance-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String manager;
    private String requester;
    private String officer;
    private String entitlement;
    private String requestId;
    private String grantId;
    private Instant validFrom;
    private Instant plannedUntil;
    private Instant endedAt;

    @BeforeAll
    void aGrantIsFiledApprovedGrantedAndRevoked() {
        Catalog catalog = new Catalog(admin());
        manager = catalog.signIn(catalog.person("mona", null), PASSWORD);
        requester = catalog.signIn(catalog.person("rolf", manager), PASSWORD);
        officer = catalog.signIn(catalog.person("olga", manager), PASSWORD);
        assertThat(admin().put("/api/identities/" + officer + "/roles", "{\"roles\":[\"COMPLIANCE_OFFICER\"]}").status()).isEqualTo(202);
        entitlement = catalog.entitlement("press-4-operate", "MEDIUM", manager, "PT8H");

        Api.Response filed = as(requester).post("/api/access-requests",
                "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"die change\"}");
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        requestId = filed.json().get("id").asText();
        String taskId = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode item : as(manager).get("/api/approvals/inbox").json()) {
                if (item.get("requestId").asText().equals(requestId)) {
                    return item.get("taskId").asText();
                }
            }
            return null;
        }, id -> id != null);
        assertThat(as(manager).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\",\"comment\":\"ok\"}").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "APPROVED".equals(admin().get("/api/access-requests/" + requestId).json().path("status").asText()));
        grantId = admin().get("/api/access-requests/" + requestId).json().get("grantId").asText();
        JsonNode active = awaitGrant("ACTIVE");
        validFrom = Instant.parse(active.get("validFrom").asText());
        plannedUntil = Instant.parse(active.get("validUntil").asText());

        assertThat(admin().post("/api/grants/" + grantId + "/revoke", "{\"reason\":\"die change done\"}").status()).isEqualTo(202);
        endedAt = Instant.parse(awaitGrant("ENDED").get("endedAt").asText());

        await().atMost(Duration.ofSeconds(20)).until(() -> as(officer).get("/api/compliance/read-log").status() == 200);
    }

    @Test
    void aGrantsHistoryIsItsRequestAndItsGrantOldestFirst() {
        Api.Response response = as(officer).get("/api/compliance/grants/" + grantId + "/history");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode history = response.json();
        assertThat(history.get("grantId").asText()).isEqualTo(grantId);
        List<JsonNode> events = list(history.get("events"));
        assertThat(events).extracting(e -> e.get("type").asText()).containsSubsequence(
                "AccessRequested", "ApprovalDecisionRecorded", "AccessGranted", "GrantProvisioned", "GrantRevoked");
        assertThat(events).extracting(e -> e.get("globalIndex").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("aggregateType").asText()).isIn("AccessRequest", "Grant");
            assertThat(e.get("aggregateId").asText()).isIn(requestId, grantId);
            assertThat(e.get("timestamp").asText()).isNotEmpty();
            assertThat(e.get("payload").isObject()).isTrue();
            assertThat(e.has("hash")).as("hash is always present, null where no chain is kept").isTrue();
            assertThat(e.has("previousHash")).isTrue();
        });
        JsonNode decision = events.stream().filter(e -> e.get("type").asText().equals("ApprovalDecisionRecorded")).findFirst().orElseThrow();
        assertThat(decision.get("actorId").asText()).isEqualTo(manager);
        assertThat(decision.get("channel").asText()).isEqualTo("API");
        assertThat(decision.get("aggregateType").asText()).isEqualTo("AccessRequest");
        assertThat(decision.get("payload").get("approverId").asText()).isEqualTo(manager);
        JsonNode granted = events.stream().filter(e -> e.get("type").asText().equals("AccessGranted")).findFirst().orElseThrow();
        assertThat(granted.get("aggregateType").asText()).isEqualTo("Grant");
        assertThat(granted.get("aggregateId").asText()).isEqualTo(grantId);
        assertThat(granted.get("sequence").asLong()).isZero();
        assertThat(granted.get("payload").get("requestId").asText()).isEqualTo(requestId);
    }

    @Test
    void anIdentitysHistoryHasItsRegistrationItsRequestAndItsGrant() {
        JsonNode history = await().atMost(Duration.ofSeconds(20)).until(
                () -> as(officer).get("/api/compliance/identities/" + requester + "/history").json(),
                json -> types(json).contains("GrantRevoked"));

        assertThat(history.get("identityId").asText()).isEqualTo(requester);
        List<JsonNode> events = list(history.get("events"));
        assertThat(events).extracting(e -> e.get("globalIndex").asLong()).isSorted();
        assertThat(events).extracting(e -> e.get("aggregateType").asText() + ":" + e.get("aggregateId").asText())
                .contains("Identity:" + requester, "AccessRequest:" + requestId, "Grant:" + grantId);
        assertThat(types(history)).containsSubsequence("IdentityRegistered", "AccessRequested", "AccessGranted", "GrantRevoked");
    }

    @Test
    void anApproversHistoryHasTheRequestTheyDecided() {
        JsonNode history = as(officer).get("/api/compliance/identities/" + manager + "/history").json();

        assertThat(list(history.get("events"))).anySatisfy(event -> {
            assertThat(event.get("type").asText()).isEqualTo("ApprovalDecisionRecorded");
            assertThat(event.get("aggregateId").asText()).isEqualTo(requestId);
            assertThat(event.get("actorId").asText()).isEqualTo(manager);
        });
    }

    @Test
    void historyOfSomethingUnknownIsNotFound() {
        assertThat(as(officer).get("/api/compliance/grants/no-such-grant/history").status()).isEqualTo(404);
        Api.Response unknown = as(officer).get("/api/compliance/identities/nobody-here/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyReadIsLoggedAndTheLogIsNewestFirst() {
        assertThat(as(officer).get("/api/compliance/grants/" + grantId + "/history").status()).isEqualTo(200);
        assertThat(as(officer).get("/api/compliance/identities/" + requester + "/history").status()).isEqualTo(200);

        List<JsonNode> log = list(as(officer).get("/api/compliance/read-log").json());

        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.get("reader").asText()).isEqualTo(officer);
            assertThat(entry.get("subject").asText()).isEqualTo("grant:" + grantId + " history");
        });
        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.get("reader").asText()).isEqualTo(officer);
            assertThat(entry.get("subject").asText()).isEqualTo("identity:" + requester + " history");
        });
        assertThat(log).extracting(entry -> Instant.parse(entry.get("readAt").asText())).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(log.size()).isLessThanOrEqualTo(500);
    }

    @Test
    void theHolderIsKnownDuringTheGrantAndNobodyBeforeOrAfterAndTheEventsAgree() {
        Instant during = validFrom.plus(Duration.between(validFrom, endedAt).dividedBy(2));
        JsonNode answer = await().atMost(Duration.ofSeconds(20)).until(() -> access("entitlementId=" + entitlement, during, true),
                json -> json.get("holders").size() == 1);

        JsonNode holder = answer.get("holders").get(0);
        assertThat(holder.get("identityId").asText()).isEqualTo(requester);
        assertThat(holder.get("grantId").asText()).isEqualTo(grantId);
        assertThat(holder.get("entitlementId").asText()).isEqualTo(entitlement);
        assertThat(Instant.parse(holder.get("validFrom").asText())).isEqualTo(validFrom);
        assertThat(Instant.parse(answer.get("at").asText())).isEqualTo(during);
        await().atMost(Duration.ofSeconds(20)).until(() -> access("entitlementId=" + entitlement, during, true)
                .at("/holders/0/validUntil").asText().equals(endedAt.toString()));
        JsonNode verified = access("entitlementId=" + entitlement, during, true);
        assertThat(verified.get("replay").get("agrees").asBoolean()).as("%s", verified).isTrue();
        JsonNode replayed = verified.get("replay").get("holders");
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).get("grantId").asText()).isEqualTo(grantId);
        assertThat(replayed.get(0).get("identityId").asText()).isEqualTo(requester);
        assertThat(Instant.parse(replayed.get(0).get("validUntil").asText())).as("the revocation came after that instant")
                .isEqualTo(plannedUntil);

        JsonNode before = access("entitlementId=" + entitlement, validFrom.minusMillis(1), true);
        assertThat(before.get("holders")).isEmpty();
        assertThat(before.get("replay").get("agrees").asBoolean()).isTrue();
        assertThat(access("entitlementId=" + entitlement, endedAt, false).get("holders")).as("the end is not included").isEmpty();
        // a second later: the revocation's event is stored by then, whatever its timestamp's last digits
        JsonNode after = access("entitlementId=" + entitlement, endedAt.plusSeconds(1), true);
        assertThat(after.get("holders")).as("the revocation ended it").isEmpty();
        assertThat(after.get("replay").get("holders")).isEmpty();
        assertThat(after.get("replay").get("agrees").asBoolean()).isTrue();

        JsonNode byResource = access("resource=press-4-operate", during, false);
        assertThat(byResource.findValuesAsText("grantId")).contains(grantId);
        assertThat(byResource.has("replay")).as("only when asked").isFalse();
    }

    @Test
    void anNdjsonExportEndsWithAManifestWhoseHashCoversEveryLineBeforeIt() throws Exception {
        List<JsonNode> history = list(as(officer).get("/api/compliance/grants/" + grantId + "/history").json().get("events"));
        Instant from = Instant.parse(history.get(0).get("timestamp").asText());
        Instant to = Instant.parse(history.get(history.size() - 1).get("timestamp").asText()).plusMillis(1);

        Api.Response export = as(officer).get("/api/compliance/export?from=" + from + "&to=" + to + "&format=ndjson");

        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).startsWith("attachment");
        String body = export.body();
        int manifestStart = body.lastIndexOf('\n', body.length() - 2) + 1;
        String content = body.substring(0, manifestStart);
        JsonNode manifest = JSON.readTree(body.substring(manifestStart)).get("manifest");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : content.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(manifest.get("sha256").asText()).isEqualTo(sha256(content));
        assertThat(manifest.get("events").asLong()).isEqualTo(lines.size());
        assertThat(Instant.parse(manifest.get("from").asText())).isEqualTo(from);
        assertThat(Instant.parse(manifest.get("to").asText())).isEqualTo(to);
        assertThat(manifest.has("chainHead")).isTrue();
        assertThat(lines).extracting(line -> line.get("globalIndex").asLong()).isSorted()
                .containsAll(history.stream().map(e -> e.get("globalIndex").asLong()).toList());
        assertThat(lines).allSatisfy(line -> {
            Instant at = Instant.parse(line.get("timestamp").asText());
            assertThat(at).isAfterOrEqualTo(from).isBefore(to);
        });
        JsonNode revoked = lines.stream().filter(line -> line.get("type").asText().equals("GrantRevoked")
                && line.get("aggregateId").asText().equals(grantId)).findFirst().orElseThrow();
        assertThat(revoked).isEqualTo(history.stream().filter(e -> e.get("type").asText().equals("GrantRevoked")).findFirst().orElseThrow());
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(manifest.get("globalIndex").asLong()).as("the signed head covers every exported event")
                .isGreaterThanOrEqualTo(last.get("globalIndex").asLong());
        assertThat(manifest.get("signedHead").asText()).contains("sha256=" + sha256(content), "chainHead=" + manifest.get("chainHead").asText());
        assertThat(last.get("stored").get("eventIdentifier").isTextual()).as("every column the hash covers").isTrue();
    }

    @Test
    void aCsvExportHasAHeaderOneRowPerEventAndAManifestLine() throws Exception {
        List<JsonNode> history = list(as(officer).get("/api/compliance/grants/" + grantId + "/history").json().get("events"));
        Instant from = Instant.parse(history.get(0).get("timestamp").asText());
        Instant to = Instant.parse(history.get(history.size() - 1).get("timestamp").asText()).plusMillis(1);

        Api.Response export = as(officer).get("/api/compliance/export?from=" + from + "&to=" + to + "&format=csv");

        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains(".csv");
        String body = export.body();
        int manifestStart = body.lastIndexOf('\n', body.length() - 2) + 1;
        String content = body.substring(0, manifestStart);
        String manifest = body.substring(manifestStart).trim();
        String[] rows = content.split("\n");
        assertThat(rows[0]).isEqualTo("aggregateType,aggregateId,sequence,globalIndex,type,timestamp,actorId,channel,payload,hash,previousHash");
        assertThat(manifest).startsWith("# manifest events=" + (rows.length - 1) + " sha256=" + sha256(content) + " chainHead=");
        assertThat(Stream.of(rows).skip(1)).anySatisfy(row -> assertThat(row)
                .startsWith("Grant," + grantId + ",0,")
                .contains(",AccessGranted,")
                .contains(",\"{\"\"grantId\"\":\"\"" + grantId + "\"\",")
                .contains("\"\"entitlementId\"\":\"\"" + entitlement + "\"\""));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("/api/compliance/access?entitlementId=e-1&at=yesterday", "at"),
                Arguments.of("/api/compliance/access?entitlementId=e-1", "at"),
                Arguments.of("/api/compliance/access?at=2025-03-14T02:00:00Z", "entitlementId"),
                Arguments.of("/api/compliance/access?entitlementId=e-1&resource=PLC-7&at=2025-03-14T02:00:00Z", "resource"),
                Arguments.of("/api/compliance/access?entitlementId=e-1&at=2025-03-14T02:00:00Z&verify=maybe", "verify"),
                Arguments.of("/api/compliance/export?to=2025-03-14T02:00:00Z", "from"),
                Arguments.of("/api/compliance/export?from=2025-03-14T02:00:00Z&to=soon", "to"),
                Arguments.of("/api/compliance/export?from=2025-03-15T02:00:00Z&to=2025-03-14T02:00:00Z", "from"),
                Arguments.of("/api/compliance/export?from=2025-03-14T02:00:00Z&to=2025-03-15T02:00:00Z&format=xlsx", "format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingTheField(String path, String field) {
        Api.Response response = as(officer).get(path);

        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("field").asText()).isEqualTo(field);
    }

    @Test
    void anOrdinaryPersonReadsNoneOfIt() {
        String at = "2025-03-14T02:00:00Z";
        for (String path : List.of("/api/compliance/grants/" + grantId + "/history", "/api/compliance/identities/" + requester + "/history",
                "/api/compliance/read-log", "/api/compliance/access?entitlementId=" + entitlement + "&at=" + at,
                "/api/compliance/export?from=" + at + "&to=" + at + "&format=ndjson")) {
            Api.Response response = as(requester).get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.body()).doesNotContain(grantId + "\",\"events");
        }
        assertThat(list(as(officer).get("/api/compliance/read-log").json()))
                .noneSatisfy(entry -> assertThat(entry.get("reader").asText()).isEqualTo(requester));
    }

    private JsonNode access(String what, Instant at, boolean replay) {
        Api.Response response = as(officer).get("/api/compliance/access?" + what + "&at=" + at + (replay ? "&verify=replay" : ""));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitGrant(String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response response = admin().get("/api/grants/" + grantId);
            return response.status() == 200 && status.equals(response.json().get("status").asText());
        });
        return admin().get("/api/grants/" + grantId).json();
    }

    private Api as(String who) {
        return api().as(who, PASSWORD);
    }

    private static List<String> types(JsonNode history) {
        return list(history.path("events")).stream().map(e -> e.get("type").asText()).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
