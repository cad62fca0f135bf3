package io.grantline.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.grantline.infra.GrantlineApplication;
import io.grantline.infra.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production sign-in: with an OIDC resource-server setting, a bearer token whose subject is a Grantline identity
 * carries that identity's catalog roles; any other token is refused.
 */
@Tag("own-application")
class OidcSignInTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenForAnIdentityCarriesItsRolesAndOtherTokensAreRefused(@TempDir Path dir) throws Exception {
        KeyPair issuer = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path publicKey = dir.resolve("issuer.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(issuer.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GrantlineApplication.class).run(
                "--server.port=0",
                "--grantline.data-dir=" + dir.resolve("data").toAbsolutePath(),
                "--grantline.embedded.mongo-in-memory=true",
                "--grantline.security.admin-password=oidc-admin-password",
                "--grantline.security.bcrypt-strength=4",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey.toAbsolutePath(),
                "--camunda.bpm.process-engine-name=oidc",
                "--camunda.bpm.job-execution.enabled=true")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Api admin = new Api(port).as("admin", "oidc-admin-password");
            assertThat(admin.post("/api/identities", """
                    {"id":"olivia","kind":"HUMAN","displayName":"Olivia","roles":["COMPLIANCE_OFFICER"]}""").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/identities/olivia").status() == 200);

            assertThat(get(port, "/api/identities", token(issuer, "olivia", 300))).as("her role counts").isEqualTo(200);
            assertThat(get(port, "/api/identities", token(issuer, "nobody", 300))).as("not an identity").isEqualTo(401);
            assertThat(get(port, "/api/identities", token(stranger, "olivia", 300))).as("another issuer's key").isEqualTo(401);
            assertThat(get(port, "/api/identities", token(issuer, "olivia", -60))).as("expired").isEqualTo(401);

            aCriticalStageCountsAnOidcDecisionThroughItsSignInTime(port, admin, issuer);
        }
    }

    /** An OIDC-only site approves CRITICAL requests: the token's auth_time is the re-authentication. */
    private void aCriticalStageCountsAnOidcDecisionThroughItsSignInTime(int port, Api admin, KeyPair issuer) throws Exception {
        assertThat(admin.post("/api/identities", """
                {"id":"mia","kind":"HUMAN","displayName":"Mia","email":"mia@plant.example"}""").status()).isEqualTo(202);
        assertThat(admin.post("/api/identities", """
                {"id":"rudi","kind":"HUMAN","displayName":"Rudi","managerId":"mia"}""").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/identities/rudi").status() == 200);
        assertThat(admin.post("/api/entitlements", """
                {"id":"sis-bypass","resource":"SIS-1","system":"Safety","zone":"cell-1","level":"ADMIN","risk":"CRITICAL",
                 "ownerId":"mia","maxDuration":"PT8H","sodConflicts":[]}""").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/entitlements/sis-bypass").status() == 200);
        HttpResponse<String> filed = post(port, "/api/access-requests", token(issuer, "rudi", 300, Instant.now()),
                "{\"entitlementId\":\"sis-bypass\",\"justification\":\"trip test\"}");
        assertThat(filed.statusCode()).isEqualTo(202);
        String requestId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(filed.body()).get("id").asText();
        String taskId = requestId + ".0";
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/access-requests/" + requestId).json()
                .path("stages").size() == 1);

        String decision = "{\"outcome\":\"APPROVE\"}";
        assertThat(post(port, "/api/approvals/" + taskId + "/decision",
                token(issuer, "mia", 300, Instant.now().minus(Duration.ofMinutes(10))), decision).statusCode())
                .as("signed in at the identity provider ten minutes ago").isEqualTo(403);
        assertThat(post(port, "/api/approvals/" + taskId + "/decision", token(issuer, "mia", 300, Instant.now()), decision)
                .statusCode()).as("signed in just now").isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "OIDC".equals(admin.get("/api/access-requests/" + requestId).json()
                .at("/stages/0/decision/authentication/method").asText()));
    }

    private HttpResponse<String> post(int port, String path, String bearer, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int get(int port, String path, String bearer) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static String token(KeyPair key, String subject, long validForSeconds) throws Exception {
        return token(key, subject, validForSeconds, null);
    }

    private static String token(KeyPair key, String subject, long validForSeconds, Instant authTime) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("auth_time", authTime == null ? null : authTime.getEpochSecond())
                .issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(Date.from(now.plusSeconds(validForSeconds)))
                .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }
}
