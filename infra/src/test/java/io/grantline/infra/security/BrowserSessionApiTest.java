package io.grantline.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.support.Api;
import io.grantline.infra.support.BrowserSession;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A person signed in on the pages uses the API from the same browser; a forged cross-site call cannot. */
class BrowserSessionApiTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "session-password-1";

    @Test
    void theSessionReadsTheApiAndWritesOnlyWithTheCsrfToken() {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.person("yara", null);
        String me = catalog.signIn(catalog.person("zack", manager), PASSWORD);
        String entitlement = catalog.entitlement("valve-9", "LOW", manager, "PT4H");
        BrowserSession browser = new BrowserSession(port).signIn(me, PASSWORD);

        HttpResponse<String> read = browser.get("/api/identities/" + me);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"id\":\"" + me + "\"");

        String body = "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"Calibrate the valve\",\"duration\":\"PT1H\"}";
        long since = eventStore.head();
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri("/api/access-requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("csrf-token-required");
        assertThat(eventStore.countOfTypeSince(since, "AccessRequested")).as("no request filed").isZero();

        HttpResponse<String> filed = browser.send(HttpRequest.newBuilder(browser.uri("/api/access-requests"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", browser.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
    }

    @Test
    void aCallWithCredentialsIsJudgedByThemAloneAndGetsNoSession() {
        Catalog catalog = new Catalog(admin());
        String me = catalog.signIn(catalog.person("abel", null), PASSWORD);
        BrowserSession browser = new BrowserSession(port).signIn(me, PASSWORD);

        HttpResponse<String> wrongPassword = browser.send(HttpRequest.newBuilder(browser.uri("/api/identities/" + me))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((me + ":wrong").getBytes())).GET());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        Api.Response script = api().as(me, PASSWORD).get("/api/identities/" + me);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Set-Cookie")).isNull();
    }

    @Test
    void aCompromisedPersonsSessionEndsAtItsNextRequest() {
        Catalog catalog = new Catalog(admin());
        String me = catalog.signIn(catalog.person("bodo", null), PASSWORD);
        BrowserSession browser = new BrowserSession(port).signIn(me, PASSWORD);
        assertThat(browser.get("/api/access-requests").statusCode()).isEqualTo(200);

        assertThat(admin().post("/api/identities/" + me + "/compromised", "{\"reason\":\"phished\"}").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.get("/api/access-requests").statusCode() == 401);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }
}
