package io.grantline.infra.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A compliance officer rebuilds the read models from the events: untouched ones agree with the rebuild, and a
 * document changed or deleted behind Grantline's back is named, field by field, and repaired.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "replay-password-1";

    @Autowired
    private MongoTemplate mongo;

    private String manager;
    private String requester;
    private String officer;
    private String valve;
    private String press;
    private String requestId;

    @BeforeAll
    void aSmallCatalogAndAPendingRequest() {
        Catalog catalog = new Catalog(admin());
        manager = catalog.signIn(catalog.person("magda", null), PASSWORD);
        requester = catalog.signIn(catalog.person("rudi", manager), PASSWORD);
        officer = catalog.signIn(catalog.person("otto", manager), PASSWORD);
        assertThat(admin().put("/api/identities/" + officer + "/roles", "{\"roles\":[\"COMPLIANCE_OFFICER\"]}").status()).isEqualTo(202);
        valve = catalog.entitlement("valve-9-operate", "LOW", manager, "PT8H");
        press = catalog.entitlement("press-2-operate", "MEDIUM", manager, "PT4H");

        Api.Response filed = as(requester).post("/api/access-requests",
                "{\"entitlementId\":\"" + valve + "\",\"justification\":\"valve maintenance\"}");
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        requestId = filed.json().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> list(as(manager).get("/api/approvals/inbox").json()).stream()
                .anyMatch(item -> item.get("requestId").asText().equals(requestId)));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(officer).get("/api/compliance/read-log").status() == 200);
    }

    @Test
    void untouchedReadModelsAgreeWithTheRebuildAndKeepAnswering() {
        long stored = eventStore.count();

        JsonNode report = replay();

        assertThat(report.get("events").asLong()).isGreaterThanOrEqualTo(stored);
        assertThat(report.get("liveCaughtUp").asBoolean()).isTrue();
        assertThat(report.get("differenceCount").asLong()).as("%s", report).isZero();
        assertThat(report.get("differences")).isEmpty();
        assertThat(report.get("durationMs").asLong()).isNotNegative();
        assertThat(report.get("eventsPerSecond").asDouble()).isPositive();

        assertThat(admin().get("/api/identities/" + requester).json().get("displayName").asText()).isEqualTo("rudi");
        assertThat(admin().get("/api/entitlements/" + press).status()).isEqualTo(200);
        JsonNode request = as(requester).get("/api/access-requests/" + requestId).json();
        assertThat(request.get("status").asText()).isEqualTo("PENDING");
        assertThat(list(as(manager).get("/api/approvals/inbox").json()))
                .anySatisfy(item -> assertThat(item.get("requestId").asText()).isEqualTo(requestId));
    }

    @Test
    void aTamperedReadModelIsNamedFieldByFieldAndRepaired() {
        replay(); // whatever an earlier test class left behind is repaired first, so only this test's tampering shows
        mongo.updateFirst(query(where("_id").is(requester)), Update.update("displayName", "tampered"), "identities");
        mongo.remove(query(where("_id").is(press)), "entitlements");
        assertThat(admin().get("/api/identities/" + requester).json().get("displayName").asText()).isEqualTo("tampered");
        assertThat(admin().get("/api/entitlements/" + press).status()).isEqualTo(404);

        JsonNode report = replay();

        assertThat(report.get("liveCaughtUp").asBoolean()).isTrue();
        assertThat(report.get("swapped").asBoolean()).isTrue();
        assertThat(report.get("differenceCount").asLong()).as("%s", report).isEqualTo(2);
        List<JsonNode> differences = list(report.get("differences"));
        assertThat(differences).extracting(d -> d.get("collection").asText() + "/" + d.get("id").asText() + "/" + d.get("field").asText(null))
                .containsExactlyInAnyOrder("identities/" + requester + "/displayName", "entitlements/" + press + "/null");
        JsonNode renamed = differences.stream().filter(d -> d.get("collection").asText().equals("identities")).findFirst().orElseThrow();
        assertThat(renamed.get("live").asText()).isEqualTo("tampered");
        assertThat(renamed.get("rebuilt").asText()).isEqualTo("rudi");
        JsonNode deleted = differences.stream().filter(d -> d.get("collection").asText().equals("entitlements")).findFirst().orElseThrow();
        assertThat(deleted.get("live").isNull()).isTrue();
        assertThat(deleted.get("rebuilt").get("_id").asText()).isEqualTo(press);
        assertThat(deleted.get("rebuilt").get("resource").asText()).isEqualTo("press-2-operate");

        assertThat(admin().get("/api/identities/" + requester).json().get("displayName").asText()).isEqualTo("rudi");
        Api.Response restored = admin().get("/api/entitlements/" + press);
        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        assertThat(restored.json().get("resource").asText()).isEqualTo("press-2-operate");
        assertThat(replay().get("differenceCount").asLong()).isZero();
    }

    @Test
    void anOrdinaryPersonMayNotReplay() {
        Api.Response refused = as(requester).post("/api/compliance/replay", "");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private JsonNode replay() {
        Api.Response response = as(officer).post("/api/compliance/replay", "");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private Api as(String who) {
        return api().as(who, PASSWORD);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
