package io.grantline.infra.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.BrowserSession;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The catalog as forms: what an administrator posts lands in the catalog; a security operator may not change it. */
class AdminPagesTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "admin-pages-password-1";

    @Test
    void anAdministratorDefinesReTiersAndRetiresAnEntitlementWithForms() {
        Catalog catalog = new Catalog(admin());
        String owner = catalog.person("petra", null);
        String id = "press-" + UUID.randomUUID().toString().substring(0, 8);
        BrowserSession administrator = new BrowserSession(port).signIn(ADMIN, ADMIN_PASSWORD);

        assertThat(post(administrator, "/admin/entitlements", "id=" + id + "&resource=Press-4&system=Stamping&zone=cell-9"
                + "&level=OPERATE&risk=LOW&ownerId=" + owner + "&maxDuration=PT8H")).contains("Defined " + id);
        JsonNode defined = admin().get("/api/entitlements/" + id).json();
        assertThat(defined.get("risk").asText()).isEqualTo("LOW");
        assertThat(defined.get("maxDuration").asText()).isEqualTo("PT8H");

        assertThat(post(administrator, "/admin/entitlements/" + id + "/policy", "risk=HIGH&maxDuration=PT4H")).contains("Policy of " + id + " changed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode changed = admin().get("/api/entitlements/" + id).json();
            assertThat(changed.get("risk").asText()).isEqualTo("HIGH");
            assertThat(changed.get("maxDuration").asText()).isEqualTo("PT4H");
        });

        assertThat(post(administrator, "/admin/entitlements/" + id + "/retire", "reason=")).contains("reason");
        assertThat(post(administrator, "/admin/entitlements/" + id + "/retire", "reason=" + encode("Press scrapped"))).contains(id + " is retired");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/api/entitlements/" + id).json().get("retired").asBoolean());
    }

    @Test
    void aSecurityOperatorSeesTheCatalogButChangesOnlyWhatTheirRoleAllows() {
        Catalog catalog = new Catalog(admin());
        String operator = catalog.signIn(catalog.person("sven", null), PASSWORD);
        assertThat(admin().put("/api/identities/" + operator + "/roles", "{\"roles\":[\"SECURITY_OPERATOR\"]}").status()).isEqualTo(202);
        String entitlement = catalog.entitlement("kiln", "LOW", operator, "PT8H");
        BrowserSession session = new BrowserSession(port).signIn(operator, PASSWORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> session.get("/admin/entitlements").statusCode() == 200);

        HttpResponse<String> refused = session.send(form(session, "/admin/entitlements/" + entitlement + "/policy", "risk=LOW&maxDuration=P365D"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(admin().get("/api/entitlements/" + entitlement).json().get("maxDuration").asText()).isEqualTo("PT8H");
        HttpResponse<String> sponsorship = session.send(form(session, "/admin/identities/" + operator + "/sponsor",
                "sponsorId=" + operator + "&endsAt=2030-01-01T00:00:00Z"));
        assertThat(sponsorship.statusCode()).as("sponsorships are the administrators'").isEqualTo(403);
    }

    @Test
    void aSecurityOperatorSuspendsAndReinstatesAPersonFromTheIdentitiesPage() {
        Catalog catalog = new Catalog(admin());
        String operator = catalog.signIn(catalog.person("sonja", null), PASSWORD);
        assertThat(admin().put("/api/identities/" + operator + "/roles", "{\"roles\":[\"SECURITY_OPERATOR\"]}").status()).isEqualTo(202);
        String person = catalog.person("rudi", null);
        BrowserSession session = new BrowserSession(port).signIn(operator, PASSWORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> session.get("/admin/identities").statusCode() == 200);
        assertThat(actions(session, person)).contains("/admin/identities/" + person + "/suspension").doesNotContain(
                "/admin/identities/" + person + "/reinstate");

        assertThat(post(session, "/admin/identities/" + person + "/suspension", "reason=" + encode("badge lost"))).contains(person + " is suspended");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SUSPENDED".equals(admin().get("/api/identities/" + person).json().get("status").asText()));
        assertThat(actions(session, person)).as("a suspended person's row offers reinstatement")
                .contains("/admin/identities/" + person + "/reinstate");

        assertThat(post(session, "/admin/identities/" + person + "/reinstate", "reason=")).contains("reason");
        assertThat(post(session, "/admin/identities/" + person + "/reinstate", "reason=" + encode("badge found")))
                .contains(person + " is active again");
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(admin().get("/api/identities/" + person).json().get("status").asText()));
    }

    @Test
    void anAdministratorHandsAContractorsSponsorshipToAnotherSponsorFromTheIdentitiesPage() {
        Catalog catalog = new Catalog(admin());
        String sponsor = catalog.person("ines", null);
        String successor = catalog.person("otto", null);
        Instant ends = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        String contractor = catalog.external("Vera (Drives Ltd)", sponsor, ends);
        BrowserSession administrator = new BrowserSession(port).signIn(ADMIN, ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> actions(administrator, contractor).contains("/admin/identities/" + contractor + "/sponsor"));
        assertThat(Jsoup.parse(administrator.get("/admin/identities").body()).text()).contains("sponsored by " + sponsor);

        assertThat(post(administrator, "/admin/identities/" + contractor + "/sponsor", "sponsorId=" + successor + "&endsAt=" + encode("next week")))
                .contains("Sponsored until", "UTC");
        assertThat(admin().get("/api/identities/" + contractor).json().get("sponsorId").asText()).as("nothing changed").isEqualTo(sponsor);

        Instant later = ends.plus(Duration.ofDays(30));
        assertThat(post(administrator, "/admin/identities/" + contractor + "/sponsor", "sponsorId=" + successor + "&endsAt=" + later))
                .contains(contractor + " is sponsored by " + successor);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode shown = admin().get("/api/identities/" + contractor).json();
            assertThat(shown.get("sponsorId").asText()).isEqualTo(successor);
            assertThat(Instant.parse(shown.get("endsAt").asText())).isEqualTo(later);
        });
    }

    /** The form actions the identities page offers on one person's row. */
    private static List<String> actions(BrowserSession session, String identity) {
        return Jsoup.parse(session.get("/admin/identities").body()).select("form[action^=/admin/identities/" + identity + "/]").eachAttr("action");
    }

    /** Posts a form and reads the page it leads to, with the message flashed there. */
    private static String post(BrowserSession session, String path, String fields) {
        HttpResponse<String> answer = session.send(form(session, path, fields));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return Jsoup.parse(session.get(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .select(".notice, .error").text();
    }

    private static HttpRequest.Builder form(BrowserSession session, String path, String fields) {
        return HttpRequest.newBuilder(session.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + encode(session.csrfToken())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
