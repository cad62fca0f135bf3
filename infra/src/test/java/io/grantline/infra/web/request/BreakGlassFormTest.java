package io.grantline.infra.web.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.BrowserSession;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The request form's "Emergency (break-glass)" box: someone who signed in a while ago proves who they are with the
 * form's password field, and lands on their request, granted at once and marked break-glass.
 */
class BreakGlassFormTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "break-glass-form-1";

    @Test
    void breakGlassFromTheFormAsksAStaleSessionForThePasswordThenGrantsAtOnce() {
        Catalog catalog = new Catalog(admin());
        String owner = catalog.person("ola", null);
        String engineer = catalog.signIn(catalog.person("tomas", owner), PASSWORD);
        String entitlement = catalog.entitlement("kiln-2-operate", "HIGH", owner, "PT8H");
        // signed in ten minutes ago: too long to be given access at once on the session alone
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))));
        BrowserSession session;
        try {
            session = new BrowserSession(port).signIn(engineer, PASSWORD);
        } finally {
            ClockUtil.reset();
        }
        assertThat(Jsoup.parse(session.get("/requests/new").body()).select("label[for=emergency]").text())
                .contains("Emergency (break-glass)");
        long since = eventStore.head();

        Document refused = file(session, entitlement, "");
        assertThat(refused.text()).contains("signed in within the last 5 minutes");
        assertThat(file(session, entitlement, "not-my-password").select(".error").text()).isNotEmpty();
        assertThat(eventStore.countOfTypeSince(since, "AccessRequested")).as("nothing filed").isZero();

        Document filed = file(session, entitlement, PASSWORD);
        assertThat(filed.text()).contains("break-glass request is filed").contains("Break-glass:");
    }

    /** Posts the form as its button does and follows the redirect: the request's page, or the form with its error. */
    private static Document file(BrowserSession session, String entitlement, String password) {
        String form = "entitlementId=" + encode(entitlement) + "&justification=" + encode("kiln 2 burner trips")
                + "&duration=PT2H&emergency=true&password=" + encode(password) + "&_csrf=" + encode(session.csrfToken());
        HttpResponse<String> answer = session.send(HttpRequest.newBuilder(session.uri("/requests"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        return Jsoup.parse(session.get(location.replaceFirst("^https?://[^/]+", "")).body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
