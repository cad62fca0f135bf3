package io.grantline.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccessControlTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "operator-password-1";

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousCallersGetA401Problem() {
        Api.Response response = api().get("/api/entitlements");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(api().post("/api/identities", "{}").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsA401() {
        assertThat(api().as(ADMIN, "not-the-password").get("/api/entitlements").status()).isEqualTo(401);
    }

    @Test
    void anOrdinaryPersonCannotCallAdministratorEndpoints() {
        Catalog catalog = new Catalog(admin());
        Api operator = api().as(catalog.signIn(catalog.person("otto", null), PASSWORD), PASSWORD);
        long since = eventStore.head();

        Api.Response register = operator.post("/api/identities", "{\"id\":\"sneaky\",\"kind\":\"HUMAN\",\"displayName\":\"x\"}");
        assertThat(register.status()).isEqualTo(403);
        assertThat(register.contentType()).startsWith("application/problem+json");
        assertThat(operator.post("/api/entitlements", "{}").status()).isEqualTo(403);
        assertThat(operator.put("/api/identities/otto/roles", "{\"roles\":[\"ADMINISTRATOR\"]}").status()).isEqualTo(403);
        assertThat(operator.get("/api/identities").status()).isEqualTo(403);
        assertThat(operator.get("/engine-rest/process-definition").status()).isEqualTo(403);
        assertThat(eventStore.countSince(since, "identity:", "entitlement:")).as("catalog events stored").isZero();
    }

    @Test
    void aPersonReadsTheCatalogAndTheirOwnIdentityButNotOthers() {
        Catalog catalog = new Catalog(admin());
        String other = catalog.person("petra", null);
        String me = catalog.signIn(catalog.person("quinn", null), PASSWORD);
        Api quinn = api().as(me, PASSWORD);

        assertThat(quinn.get("/api/entitlements").status()).isEqualTo(200);
        assertThat(quinn.get("/api/identities/" + me).json().get("id").asText()).isEqualTo(me);
        assertThat(quinn.get("/api/identities/" + other).status()).isEqualTo(403);
    }

    @Test
    void aRoleGivenByTheAdministratorTakesEffect() {
        Catalog catalog = new Catalog(admin());
        String officer = catalog.signIn(catalog.person("rita", null), PASSWORD);
        assertThat(api().as(officer, PASSWORD).get("/api/identities").status()).isEqualTo(403);

        assertThat(admin().put("/api/identities/" + officer + "/roles", "{\"roles\":[\"COMPLIANCE_OFFICER\"]}").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api().as(officer, PASSWORD).get("/api/identities").status()).isEqualTo(200));
    }

    @Test
    void aDepartedPersonCannotSignIn() {
        Catalog catalog = new Catalog(admin());
        String leaver = catalog.signIn(catalog.person("sam", null), PASSWORD);
        assertThat(api().as(leaver, PASSWORD).get("/api/entitlements").status()).isEqualTo(200);

        assertThat(admin().post("/api/identities/" + leaver + "/departure", "{\"reason\":\"left the plant\"}").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api().as(leaver, PASSWORD).get("/api/entitlements").status()).isEqualTo(401));
    }

    @Test
    void passwordsAreStoredAsHashesOutsideTheEventStore() {
        Catalog catalog = new Catalog(admin());
        String person = catalog.signIn(catalog.person("tara", null), PASSWORD);

        String hash = jdbc.sql("SELECT password_hash FROM local_account WHERE username = ?").param(person).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        String everyEvent = String.join("\n", jdbc.sql("SELECT payload FROM DomainEventEntry").query(byte[].class).list().stream()
                .map(String::new).toList());
        assertThat(everyEvent).doesNotContain(PASSWORD).doesNotContain(hash);
    }

    @Test
    void healthAnswersAnyoneWithTheStatusOnlyAndAdministratorsWithDetails() {
        Api.Response anonymous = api().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();

        Api.Response detailed = admin().get("/actuator/health");
        assertThat(detailed.json().get("components").fieldNames()).toIterable()
                .contains("db", "mongo", "mail", "processEngine");
        assertThat(detailed.json().at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(detailed.json().at("/components/mail/status").asText()).isEqualTo("UP");
        assertThat(detailed.json().at("/components/processEngine/status").asText()).isEqualTo("UP");
    }
}
