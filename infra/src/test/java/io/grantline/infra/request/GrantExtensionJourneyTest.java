package io.grantline.infra.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Approvals;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.FormBrowser;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A person whose maintenance window runs over asks for more time on the access they hold: the request is approved under
 * the same policy as any other, the grant's end moves (one grant, never set up again), and the grant stays active past
 * its first end. Over HTTP, with the real engine and event store.
 */
@ExtendWith(OutputCaptureExtension.class)
class GrantExtensionJourneyTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "extension-password-1";

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private Catalog catalog;
    private String manager;
    private String requester;
    private String entitlement;

    @BeforeEach
    void plant() {
        catalog = new Catalog(admin());
        manager = catalog.signIn(catalog.person("mara", null), PASSWORD);
        requester = catalog.signIn(catalog.person("erwin", manager), PASSWORD);
        entitlement = catalog.entitlement("press-4-hmi", "LOW", manager, "PT8H");
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void anApprovedExtensionMovesTheGrantsEndAndTheGrantOutlivesItsFirstEnd(CapturedOutput output) {
        String grantId = Approvals.activeGrant(admin(), as(requester), as(manager), body("PT2H", null));
        Instant firstEnd = Instant.parse(grant(grantId).get("validUntil").asText());

        // only the grant one holds is extended; asking again without naming it is still "already held"
        assertThat(as(requester).post("/api/access-requests", body("PT6H", null)).status()).isEqualTo(409);
        Api.Response notTheirs = as(requester).post("/api/access-requests", body("PT6H", "f0e1d2c3-0000-4000-8000-000000000000"));
        assertThat(notTheirs.status()).as("%s", notTheirs).isEqualTo(400);
        assertThat(notTheirs.json().get("field").asText()).isEqualTo("extendsGrantId");
        assertThat(as(requester).get("/api/access-requests").json()).as("nothing stored").hasSize(1);

        Api.Response filed = as(requester).post("/api/access-requests", body("PT6H", grantId));
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        String requestId = filed.json().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> as(requester).get("/api/access-requests/" + requestId).status() == 200);
        assertThat(as(requester).get("/api/access-requests/" + requestId).json().get("extendsGrantId").asText()).isEqualTo(grantId);

        String task = Approvals.awaitTask(as(manager), requestId);
        assertThat(as(manager).post("/api/approvals/" + task + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
        JsonNode approved = await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/access-requests/" + requestId).json(),
                request -> "APPROVED".equals(request.path("status").asText()));
        assertThat(approved.get("grantId").asText()).as("the same grant, extended").isEqualTo(grantId);
        Instant newEnd = await().atMost(Duration.ofSeconds(20)).until(() -> Instant.parse(grant(grantId).get("validUntil").asText()),
                end -> end.isAfter(firstEnd));
        Instant approvedAt = Instant.parse(approved.at("/stages/0/decision/at").asText());
        assertThat(Duration.between(approvedAt, newEnd)).isBetween(Duration.ofHours(6), Duration.ofHours(6).plusSeconds(30));
        assertThat(as(requester).get("/api/grants?identityId=" + requester).json()).as("one grant, not two").hasSize(1);
        assertThat(history(grantId)).as("the extension's own request and approval are part of the grant's history")
                .containsSubsequence("AccessGranted", "GrantProvisioned", "AccessRequested", "ApprovalDecisionRecorded",
                        "AccessRequestApproved", "GrantExtended");

        // the target is told the new end at once (provisioned again), in a step whose log line names its process
        String lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("grant-lifecycle").processInstanceBusinessKey(grantId)
                .singleResult().getId();
        String told = "Grant " + grantId + ": target told its new end " + newEnd;
        await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains(told));
        assertThat(output.getOut().lines().filter(line -> line.contains(told)))
                .singleElement().asString().contains("process=" + lifecycle + "]");

        // the first end comes: the timer set for it finds the grant extended and waits for the new end
        ClockUtil.setCurrentTime(Date.from(firstEnd.plusSeconds(60)));
        Job expiry = runDueJobsUntilWaitingAgain(grantId, firstEnd);
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(newEnd.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(grant(grantId).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(history(grantId)).doesNotContain("GrantRevoked");
    }

    @Test
    void theGrantsPageAsksForMoreTimeThroughTheRequestForm() {
        String grantId = Approvals.activeGrant(admin(), as(requester), as(manager), body("PT2H", null));
        FormBrowser browser = new FormBrowser(api());
        assertThat(browser.signIn(requester, PASSWORD)).isEqualTo(302);

        String link = Jsoup.parse(browser.get("/grants").body()).select("a:contains(Ask for more time)").attr("href");
        assertThat(link).isEqualTo("/requests/new?entitlement=" + entitlement + "&extends=" + grantId);
        String form = browser.get(link).body();
        assertThat(Jsoup.parse(form).select("input[name=extendsGrantId]").attr("value")).isEqualTo(grantId);
        assertThat(Jsoup.parse(form).select("input[name=emergency]")).as("no break-glass for an extension").isEmpty();

        HttpResponse<String> filed = browser.postForm("/requests", Map.of("_csrf", FormBrowser.csrfTokenOf(form),
                "entitlementId", entitlement, "justification", "press 4 changeover runs late", "duration", "PT4H",
                "extendsGrantId", grantId));
        assertThat(filed.statusCode()).isEqualTo(302);
        String requestId = filed.headers().firstValue("Location").orElseThrow().replaceAll(".*/requests/", "");
        assertThat(as(requester).get("/api/access-requests/" + requestId).json().get("extendsGrantId").asText()).isEqualTo(grantId);
    }

    /** Runs the grant's due jobs until its expiry timer is set for a later end than {@code firstEnd}; answers that timer. */
    private Job runDueJobsUntilWaitingAgain(String grantId, Instant firstEnd) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(grantId).singleResult().getId();
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException takenByTheJobExecutor) {
                    // the engine's own job executor ran it first
                }
            }
            return management.createJobQuery().processInstanceId(instance).activityId("expires").singleResult();
        }, timer -> timer != null && timer.getDuedate().toInstant().isAfter(firstEnd));
    }

    private String body(String duration, String extendsGrantId) {
        return "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"press 4 changeover runs late\",\"duration\":\"" + duration
                + "\"" + (extendsGrantId == null ? "" : ",\"extendsGrantId\":\"" + extendsGrantId + "\"") + "}";
    }

    private JsonNode grant(String grantId) {
        return admin().get("/api/grants/" + grantId).json();
    }

    private List<String> history(String grantId) {
        List<String> types = new ArrayList<>();
        admin().get("/api/compliance/grants/" + grantId + "/history").json().get("events")
                .forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private Api as(String identity) {
        return api().as(identity, PASSWORD);
    }
}
