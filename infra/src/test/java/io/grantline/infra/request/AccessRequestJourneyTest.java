package io.grantline.infra.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import io.grantline.infra.support.Requests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A requester files a ticket, approvers answer from the links in their mail, the grant is provisioned and ends by
 * itself: over real HTTP, with the real engine, the real SMTP server and the event store in H2 or PostgreSQL.
 */
class AccessRequestJourneyTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "journey-password-1";

    @Autowired
    GreenMail smtp;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private Catalog catalog;
    private Mailbox mailbox;
    private String director;
    private String manager;
    private String requester;
    private String owner;
    private String security;

    @BeforeEach
    void plant() {
        catalog = new Catalog(admin());
        mailbox = new Mailbox(smtp);
        director = catalog.signIn(catalog.person("dora", null), PASSWORD);
        manager = catalog.signIn(catalog.person("max", director), PASSWORD);
        requester = catalog.signIn(catalog.person("rosa", manager), PASSWORD);
        owner = catalog.signIn(catalog.person("otto", director), PASSWORD);
        security = catalog.signIn(catalog.person("sec", director), PASSWORD);
        assertThat(admin().put("/api/identities/" + security + "/roles", "{\"roles\":[\"OT_SECURITY\"]}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin().get("/api/identities/" + security).json().get("roles").toString().contains("OT_SECURITY"));
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void aLowRiskRequestIsApprovedFromTheManagersMailAndItsGrantEndsByItself() throws Exception {
        String entitlement = catalog.entitlement("hmi-3-read", "LOW", owner, "PT8H");
        String requestId = file(requester, entitlement, "PT2H");

        String token = Mailbox.approvalToken(mailbox.awaitMail(email(manager), "Approval needed"));
        for (int i = 0; i < 3; i++) {
            Api.Response page = api().get("/approvals/" + token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).select("button[value=APPROVE]")).hasSize(1);
        }
        assertThat(request(requestId).get("status").asText()).as("a GET changes nothing").isEqualTo("PENDING");

        Api.Response decided = postDecision(api(), token, "APPROVE");
        assertThat(decided.status()).isEqualTo(200);

        JsonNode approved = awaitRequest(requestId, "APPROVED");
        JsonNode decision = approved.at("/stages/0/decision");
        assertThat(decision.get("approverId").asText()).isEqualTo(manager);
        assertThat(decision.get("channel").asText()).isEqualTo("EMAIL_LINK");
        String grantId = approved.get("grantId").asText();
        JsonNode grant = awaitGrant(grantId, "ACTIVE");
        assertThat(Duration.between(Instant.parse(grant.get("validFrom").asText()), Instant.parse(grant.get("validUntil").asText())))
                .isEqualTo(Duration.ofHours(2));

        ClockUtil.setCurrentTime(Date.from(Instant.parse(grant.get("validUntil").asText()).plusSeconds(60)));
        executeDueJobsOf(grantId);

        JsonNode ended = awaitGrant(grantId, "ENDED");
        assertThat(ended.get("endReason").asText()).isEqualTo("EXPIRED");
        assertThat(postDecision(api(), token, "REJECT").status()).as("a spent link").isEqualTo(409);
    }

    @Test
    void aCriticalRequestPassesThreeStagesEachDecidedOnlyByTheApproverSignedIn() {
        String entitlement = catalog.entitlement("plc-7-engineer", "CRITICAL", owner, "P1D");
        String requestId = file(requester, entitlement, null);

        String first = Mailbox.approvalToken(mailbox.awaitMail(email(manager), "Approval needed"));
        assertThat(postDecision(api(), first, "APPROVE").status()).as("anonymous").isEqualTo(401);
        assertThat(postDecision(api().as(manager, PASSWORD), first, "APPROVE").status()).isEqualTo(200);
        String second = Mailbox.approvalToken(mailbox.awaitMail(email(owner), "Approval needed"));
        assertThat(postDecision(api().as(owner, PASSWORD), second, "APPROVE").status()).isEqualTo(200);
        String token = Mailbox.approvalToken(mailbox.awaitMail(email(security), "Approval needed"));

        assertThat(postDecision(api(), token, "APPROVE").status()).as("anonymous").isEqualTo(401);
        assertThat(postDecision(api().as(manager, PASSWORD), token, "APPROVE").status()).as("someone else").isEqualTo(403);
        assertThat(request(requestId).get("status").asText()).isEqualTo("PENDING");
        assertThat(postDecision(api().as(security, PASSWORD), token, "APPROVE").status()).isEqualTo(200);

        JsonNode approved = awaitRequest(requestId, "APPROVED");
        assertThat(approved.get("stages")).extracting(stage -> stage.get("name").asText())
                .containsExactly("MANAGER", "RESOURCE_OWNER", "OT_SECURITY");
        assertThat(approved.at("/stages/2/decision/reauthenticated").asBoolean()).isTrue();
        JsonNode grant = awaitGrant(approved.get("grantId").asText(), "ACTIVE");
        assertThat(Duration.between(Instant.parse(grant.get("validFrom").asText()), Instant.parse(grant.get("validUntil").asText())))
                .as("critical access is capped at 8 hours").isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aStageThatWouldFallToTheRequesterGoesAboveTheirManagerWhoDecidedTheFirstStage() {
        String entitlement = catalog.entitlement("historian-admin", "HIGH", requester, "P7D");
        String requestId = file(requester, entitlement, "P1D");

        approveFromMail(manager);

        // the owner is the requester, whose manager decided stage 0: four eyes send stage 1 to the manager's manager
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(request(requestId).at("/stages/1/approverIds").toString()).isEqualTo("[\"" + director + "\"]"));
        assertThat(mailbox.to(email(requester), "Approval needed")).isEmpty();
    }

    @Test
    void twelveSimultaneousClicksRecordExactlyOneDecision() throws Exception {
        String entitlement = catalog.entitlement("scada-read", "LOW", owner, "PT8H");
        String requestId = file(requester, entitlement, "PT1H");
        String token = Mailbox.approvalToken(mailbox.awaitMail(email(manager), "Approval needed"));

        ExecutorService clicks = Executors.newFixedThreadPool(12);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posts.add(() -> postDecision(api(), token, "APPROVE").status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : clicks.invokeAll(posts)) {
            statuses.add(status.get());
        }
        clicks.shutdown();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status >= 400 && status < 500).hasSize(11);
        assertThat(eventStore.countOfType("request:" + requestId, "ApprovalDecisionRecorded")).isEqualTo(1);
    }

    @Test
    void forgedAndExpiredLinksAreRefusedWithAClearPage() {
        String entitlement = catalog.entitlement("robot-cell-read", "LOW", owner, "PT8H");
        String requestId = file(requester, entitlement, "PT1H");
        String token = Mailbox.approvalToken(mailbox.awaitMail(email(manager), "Approval needed"));
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(api().get("/approvals/" + forged).status()).isEqualTo(404);
        assertThat(postDecision(api(), forged, "APPROVE").status()).isEqualTo(404);
        assertThat(api().get("/approvals/not-a-token").status()).isEqualTo(404);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
        Api.Response expired = postDecision(api(), token, "APPROVE");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(Jsoup.parse(expired.body()).select("h1").text()).contains("expired");
        assertThat(request(requestId).at("/stages/0/decision").isMissingNode()).as("nothing recorded").isTrue();
    }

    @Test
    void anUnansweredStageRemindsItsApproverThenMovesToTheirManagerWhoCanDecide() {
        String entitlement = catalog.entitlement("mes-operate", "LOW", owner, "PT8H");
        String requestId = file(requester, entitlement, "PT1H");
        String managersLink = Mailbox.approvalToken(mailbox.awaitMail(email(manager), "Approval needed"));

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60)));
        executeDueJobsOfRequest(requestId);
        mailbox.awaitMail(email(manager), "Reminder: approval needed");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3)).plusSeconds(60)));
        executeDueJobsOfRequest(requestId);
        String directorsLink = Mailbox.approvalToken(mailbox.awaitMail(email(director), "Escalated to you"));

        await().atMost(Duration.ofSeconds(20)).until(() -> request(requestId).at("/stages/0/approverIds").toString().contains(director));
        assertThat(postDecision(api(), managersLink, "APPROVE").status()).as("the stage moved away from the manager").isEqualTo(403);
        assertThat(postDecision(api(), directorsLink, "APPROVE").status()).isEqualTo(200);
        assertThat(awaitRequest(requestId, "APPROVED").at("/stages/0/decision/approverId").asText()).isEqualTo(director);
    }

    @Test
    void aHostileJustificationIsShownAsTextInTheMailAndOnThePage() throws Exception {
        String entitlement = catalog.entitlement("badge-reader", "LOW", owner, "PT8H");
        String hostile = "<script>alert('x')</script><a href=\\\"http://evil.example\\\">click</a>";
        Api.Response filed = api().as(requester, PASSWORD).post("/api/access-requests",
                "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"" + hostile + "\"}");
        assertThat(filed.status()).isEqualTo(202);

        var mail = mailbox.awaitMail(email(manager), "Approval needed");
        String html = Mailbox.htmlPart(mail);
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("href=\"http://evil.example");
        var page = Jsoup.parse(api().get("/approvals/" + Mailbox.approvalToken(mail)).body());
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("a[href^='http://evil']")).isEmpty();
        assertThat(page.text()).contains("<script>alert('x')</script>");
    }

    private void approveFromMail(String approver) {
        String token = Mailbox.approvalToken(mailbox.awaitMail(email(approver), "Approval needed"));
        assertThat(postDecision(api(), token, "APPROVE").status()).isEqualTo(200);
    }

    private String file(String who, String entitlement, String duration) {
        String body = "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"Quarterly maintenance\",\"ticket\":\"CHG-42\""
                + (duration == null ? "" : ",\"duration\":\"" + duration + "\"") + "}";
        Api.Response filed = api().as(who, PASSWORD).post("/api/access-requests", body);
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        return filed.json().get("id").asText();
    }

    private JsonNode request(String id) {
        return new Requests(admin()).get(id);
    }

    private JsonNode awaitRequest(String id, String status) {
        return new Requests(admin()).awaitStatus(id, status);
    }

    private JsonNode awaitGrant(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response response = admin().get("/api/grants/" + id);
            return response.status() == 200 && status.equals(response.json().get("status").asText());
        });
        return admin().get("/api/grants/" + id).json();
    }

    private void executeDueJobsOf(String grantId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(grantId).singleResult().getProcessInstanceId();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException takenByTheJobExecutor) {
                    // the engine's own job executor ran it first
                }
            }
            return runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0;
        });
    }

    /** Runs the request's due timers now, as the job executor would once their time has come. */
    private void executeDueJobsOfRequest(String requestId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestId).singleResult().getProcessInstanceId();
        for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException takenByTheJobExecutor) {
                // the engine's own job executor ran it first
            }
        }
    }

    private Api.Response postDecision(Api as, String token, String outcome) {
        return as.send("POST", "/approvals/" + token, "application/x-www-form-urlencoded", "outcome=" + outcome + "&comment=ok");
    }

    private static String email(String identityId) {
        return identityId + "@plant.example";
    }
}
