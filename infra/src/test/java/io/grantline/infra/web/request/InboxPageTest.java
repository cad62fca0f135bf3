package io.grantline.infra.web.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.Api;
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

/** The inbox decides on the spot; a CRITICAL stage asks for the approver's own password right there. */
class InboxPageTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "inbox-password-1";

    @Test
    void aCriticalStageCountsOnlyWithTheApproversOwnPasswordOrAFreshSignIn() {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.signIn(catalog.person("carla", null), PASSWORD);
        String requester = catalog.signIn(catalog.person("dirk", manager), PASSWORD);
        String entitlement = catalog.entitlement("safety-plc", "CRITICAL", manager, "PT4H");
        String requestId = api().as(requester, PASSWORD).post("/api/access-requests", "{\"entitlementId\":\"" + entitlement
                + "\",\"justification\":\"Bypass test of the safety PLC\",\"duration\":\"PT1H\"}").json().get("id").asText();
        String taskId = requestId + ".0";
        // the stage is open before the engine's clock moves: no job of this request runs while it stands ten minutes back
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/api/access-requests/" + requestId).json().path("stages").size() == 1);
        // signed in ten minutes ago: too long for a critical decision without the password
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))));
        BrowserSession approver;
        try {
            approver = new BrowserSession(port).signIn(manager, PASSWORD);
        } finally {
            ClockUtil.reset();
        }

        Document inbox = await().atMost(Duration.ofSeconds(10)).until(() -> Jsoup.parse(approver.get("/inbox").body()),
                page -> page.getElementById("task-" + taskId) != null && page.getElementById("password-" + taskId) != null);
        assertThat(inbox.select("label[for=password-" + taskId + "]").text()).startsWith("Your password");
        assertThat(inbox.getElementById("task-" + taskId).text()).contains("safety-plc", "1 hour").doesNotContain("PT1H");

        assertThat(decide(approver, taskId, "").text()).contains("signed in again recently");
        assertThat(decide(approver, taskId, "not-my-password").text()).contains("not your password");
        assertThat(eventStore.countOfType("request:" + requestId, "ApprovalDecisionRecorded")).as("nothing recorded").isZero();

        Document decided = decide(approver, taskId, PASSWORD);
        assertThat(decided.text()).contains("Approved: your decision is recorded.");
        JsonNode decision = await().atMost(Duration.ofSeconds(10)).until(
                () -> admin().get("/api/access-requests/" + requestId).json().path("stages").path(0).path("decision"), d -> !d.isMissingNode());
        assertThat(decision.get("channel").asText()).isEqualTo("WEB");
        assertThat(decision.get("reauthenticated").asBoolean()).isTrue();
        assertThat(decision.at("/authentication/method").asText()).isEqualTo("PASSWORD_ON_POST");
        assertThat(decision.get("comment").asText()).isEqualTo("checked with the shift lead");
    }

    @Test
    void aPersonWithoutTheStageCannotDecideItThroughThePage() {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.person("emil", null);
        String requester = catalog.signIn(catalog.person("fritz", manager), PASSWORD);
        String stranger = catalog.signIn(catalog.person("gina", null), PASSWORD);
        String entitlement = catalog.entitlement("conveyor", "LOW", manager, "PT4H");
        String requestId = api().as(requester, PASSWORD).post("/api/access-requests", "{\"entitlementId\":\"" + entitlement
                + "\",\"justification\":\"Belt change\"}").json().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/api/access-requests/" + requestId).json().path("stages").size() == 1);
        BrowserSession outsider = new BrowserSession(port).signIn(stranger, PASSWORD);

        long events = eventStore.countFor("request:" + requestId);
        assertThat(decide(outsider, requestId + ".0", null).select(".error").text()).contains("not an approver");
        assertThat(eventStore.countFor("request:" + requestId)).as("nothing recorded on the request").isEqualTo(events);
        Api.Response request = admin().get("/api/access-requests/" + requestId);
        assertThat(request.json().get("status").asText()).isEqualTo("PENDING");
    }

    /** Posts the row's form, as its buttons do, and reads the inbox it returns to, with the message flashed there. */
    private static Document decide(BrowserSession session, String taskId, String password) {
        String form = "outcome=APPROVE&comment=" + encode("checked with the shift lead") + "&_csrf=" + encode(session.csrfToken())
                + (password == null ? "" : "&password=" + encode(password));
        HttpResponse<String> answer = session.send(HttpRequest.newBuilder(session.uri("/inbox/" + taskId))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/inbox");
        return Jsoup.parse(session.get("/inbox").body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
