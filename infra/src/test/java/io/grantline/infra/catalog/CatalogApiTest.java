package io.grantline.infra.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CatalogApiTest extends GrantlineIntegrationTest {

    @Test
    void anAdministratorRegistersAPlantsPeopleServiceAccountAndEntitlementsAndReadsThemBack() {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.person("maria", null);
        String operator = catalog.person("oskar", manager);

        String historian = catalog.id("historian-svc");
        Api.Response registered = admin().post("/api/identities", """
                {"id":"%s","kind":"SERVICE_ACCOUNT","displayName":"Historian collector","ownerId":"%s"}
                """.formatted(historian, operator));
        assertThat(registered.status()).isEqualTo(202);
        assertThat(registered.header("Location")).isEqualTo("/api/identities/" + historian);
        assertThat(registered.json().get("id").asText()).isEqualTo(historian);

        await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/api/identities/" + historian).status() == 200);
        JsonNode serviceAccount = admin().get("/api/identities/" + historian).json();
        assertThat(serviceAccount.get("kind").asText()).isEqualTo("SERVICE_ACCOUNT");
        assertThat(serviceAccount.get("ownerId").asText()).isEqualTo(operator);
        assertThat(serviceAccount.get("status").asText()).isEqualTo("ACTIVE");
        // fields the contract lists without a "?" are there even when nothing is known: a script may read them by name
        assertThat(serviceAccount.has("email")).isTrue();
        assertThat(serviceAccount.get("email").isNull()).isTrue();
        assertThat(serviceAccount.get("managerId").isNull()).isTrue();

        String plc = catalog.id("plc-7-engineer");
        Api.Response defined = admin().post("/api/entitlements", """
                {"id":"%s","resource":"PLC-7","system":"Line 3 SCADA","zone":"cell-3","level":"ENGINEER","risk":"CRITICAL",
                 "ownerId":"%s","maxDuration":"PT8H","sodConflicts":[]}
                """.formatted(plc, manager));
        assertThat(defined.status()).isEqualTo(202);
        assertThat(defined.header("Location")).isEqualTo("/api/entitlements/" + plc);
        catalog.awaitVisible("/api/entitlements/" + plc);

        JsonNode entitlement = admin().get("/api/entitlements/" + plc).json();
        assertThat(entitlement.get("risk").asText()).isEqualTo("CRITICAL");
        assertThat(entitlement.get("maxDuration").asText()).isEqualTo("PT8H");
        assertThat(entitlement.get("ownerId").asText()).isEqualTo(manager);
        assertThat(admin().get("/api/entitlements").json().findValuesAsText("id")).contains(plc);
    }

    @Test
    void everyCatalogEventIsStoredWithWhoDidItAndThroughWhichChannel() {
        Catalog catalog = new Catalog(admin());
        String person = catalog.person("paula", null);

        assertThat(eventStore.countFor("identity:" + person)).isEqualTo(1);
        assertThat(eventStore.metadataOf("identity:" + person, 0))
                .contains("\"actorId\":\"admin\"")
                .contains("\"channel\":\"API\"")
                .contains("\"address\":\"127.0.0.1\"");
    }

    @Test
    void anUnknownIdentityIsA404ProblemUntilItIsProjected() {
        Api.Response missing = admin().get("/api/identities/nobody-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asText()).isEqualTo("urn:grantline:problem:not-found");
    }

    @Test
    void aCompromisedIdentityShowsItsStatus() {
        Catalog catalog = new Catalog(admin());
        String person = catalog.person("carl", null);

        assertThat(admin().post("/api/identities/" + person + "/compromised", "{\"reason\":\"phished\"}").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin().get("/api/identities/" + person).json().get("status").asText()).isEqualTo("COMPROMISED"));
    }

    @Test
    void aServiceAccountIsHandedToANewOwner() {
        Catalog catalog = new Catalog(admin());
        String first = catalog.person("fiona", null);
        String second = catalog.person("gus", null);
        String robot = catalog.id("robot-cell-3");
        assertThat(admin().post("/api/identities", """
                {"id":"%s","kind":"MACHINE","displayName":"Robot cell 3","ownerId":"%s"}""".formatted(robot, first)).status())
                .isEqualTo(202);

        assertThat(admin().post("/api/identities/" + robot + "/owner", "{\"ownerId\":\"" + second + "\"}").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin().get("/api/identities/" + robot).json().path("ownerId").asText()).isEqualTo(second));
    }
}
