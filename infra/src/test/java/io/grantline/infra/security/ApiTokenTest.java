package io.grantline.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ApiTokenTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "token-owner-password-1";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenIsShownOnceActsAsItsIdentityAndStopsWhenRevoked() {
        Catalog catalog = new Catalog(admin());
        String owner = catalog.signIn(catalog.person("tess", null), PASSWORD);
        Api tess = api().as(owner, PASSWORD);

        Api.Response created = tess.post("/api/tokens", "{\"name\":\"ticketing\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asText();
        String id = created.json().get("id").asText();
        assertThat(token).matches("glt_[A-Za-z0-9_-]{43}");
        assertThat(created.header("Location")).endsWith("/api/tokens/" + id);

        Api bearer = api().bearer(token);
        assertThat(bearer.get("/api/identities/" + owner).json().get("id").asText()).isEqualTo(owner);
        assertThat(bearer.get("/api/identities").status()).as("a token has its identity's roles, no more").isEqualTo(403);

        JsonNode listed = tess.get("/api/tokens").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("ticketing");
        assertThat(listed.get(0).has("lastUsedAt")).isTrue();
        assertThat(listed.toString()).doesNotContain(token.substring(4));
        String stored = jdbc.sql("SELECT secret_sha256 FROM api_token WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).isEqualTo(ApiTokens.sha256(token)).doesNotContain(token.substring(4));

        assertThat(bearer.send("DELETE", "/api/tokens/" + id, null, null).status()).isEqualTo(204);
        Api.Response refused = bearer.get("/api/identities/" + owner);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nobodyElseSeesOrRevokesMyTokens() {
        Catalog catalog = new Catalog(admin());
        Api ulla = api().as(catalog.signIn(catalog.person("ulla", null), PASSWORD), PASSWORD);
        Api vera = api().as(catalog.signIn(catalog.person("vera", null), PASSWORD), PASSWORD);
        String id = ulla.post("/api/tokens", "{\"name\":\"mine\"}").json().get("id").asText();

        assertThat(vera.get("/api/tokens").json()).isEmpty();
        assertThat(vera.send("DELETE", "/api/tokens/" + id, null, null).status()).isEqualTo(404);
        assertThat(ulla.get("/api/tokens").json().get(0).has("revokedAt")).isFalse();
    }

    @Test
    void aCompromisedIdentitysTokensDieWithIt() {
        Catalog catalog = new Catalog(admin());
        String owner = catalog.signIn(catalog.person("wanda", null), PASSWORD);
        String token = api().as(owner, PASSWORD).post("/api/tokens", "{\"name\":\"ci\"}").json().get("token").asText();
        assertThat(api().bearer(token).get("/api/access-requests").status()).isEqualTo(200);

        assertThat(admin().post("/api/identities/" + owner + "/compromised", "{\"reason\":\"laptop stolen\"}").status()).isEqualTo(202);

        assertThat(api().bearer(token).get("/api/access-requests").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE identity_id = ? AND revoked_at IS NULL").param(owner)
                .query(Long.class).single()).isZero();
    }

    @Test
    void forgedExpiredAndMalformedTokensAre401AndBadBodiesStoreNothing() {
        Catalog catalog = new Catalog(admin());
        String owner = catalog.signIn(catalog.person("xena", null), PASSWORD);
        Api xena = api().as(owner, PASSWORD);

        assertThat(api().bearer("glt_" + "A".repeat(43)).get("/api/access-requests").status()).isEqualTo(401);
        assertThat(api().bearer("glt_").get("/api/access-requests").status()).isEqualTo(401);
        assertThat(api().bearer("glt_" + "x".repeat(5000)).get("/api/access-requests").status()).isEqualTo(401);

        Api.Response past = xena.post("/api/tokens", "{\"name\":\"old\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("field").asText()).isEqualTo("expiresAt");
        Api.Response far = xena.post("/api/tokens", "{\"name\":\"far\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(400)) + "\"}");
        assertThat(far.status()).isEqualTo(400);
        Api.Response unnamed = xena.post("/api/tokens", "{\"name\":\" \"}");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("field").asText()).isEqualTo("name");
        assertThat(xena.get("/api/tokens").json()).isEmpty();

        String shortLived = xena.post("/api/tokens", "{\"name\":\"brief\",\"expiresAt\":\"" + Instant.now().plusSeconds(2) + "\"}")
                .json().get("token").asText();
        assertThat(api().bearer(shortLived).get("/api/access-requests").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api().bearer(shortLived).get("/api/access-requests").status() == 401);
    }

    @Test
    void theBootstrapAdministratorHasNoIdentityAndSoNoTokens() {
        assertThat(admin().post("/api/tokens", "{\"name\":\"root\"}").status()).isEqualTo(403);
    }
}
