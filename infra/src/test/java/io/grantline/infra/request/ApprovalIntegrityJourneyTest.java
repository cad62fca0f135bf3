package io.grantline.infra.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.FormBrowser;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import io.grantline.infra.support.Requests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The approval record an auditor relies on, tried over real HTTP and SMTP: four eyes, approvers who stop being
 * active, fresh re-authentication with the page's CSRF token, refusals after approval as visible rejections, and each
 * decision's actor in the compliance history.
 */
class ApprovalIntegrityJourneyTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "integrity-password-1";

    @Autowired
    GreenMail smtp;
    @Autowired
    RepositoryService repository;

    private Catalog catalog;
    private Mailbox mailbox;
    private String director;
    private String manager;
    private String requester;

    @BeforeEach
    void plant() {
        catalog = new Catalog(admin());
        mailbox = new Mailbox(smtp);
        director = catalog.signIn(catalog.person("ines", null), PASSWORD);
        manager = catalog.signIn(catalog.person("mona", director), PASSWORD);
        requester = catalog.signIn(catalog.person("raul", manager), PASSWORD);
    }

    @AfterEach
    void engineClockAsItWas() {
        ClockUtil.reset();
    }

    @Test
    void aRedeployedApprovalPolicyAppliesFromTheNextFilingAndEachRequestKeepsTheVersionItPassed() {
        String entitlement = catalog.entitlement("line-4-watch", "LOW", manager, "PT8H");
        String before = file(requester, entitlement);
        int version = awaitRequest(before, "PENDING").at("/policy/decisionTable/version").asInt();

        // the same file deployed again: a new version of the table, which nothing else in this application notices
        repository.createDeployment().name("approval policy again").enableDuplicateFiltering(false)
                .addClasspathResource("dmn/approval-policy.dmn").deploy();
        String after = file(catalog.signIn(catalog.person("rita", manager), PASSWORD), entitlement);

        assertThat(awaitRequest(after, "PENDING").at("/policy/decisionTable/version").asInt()).isEqualTo(version + 1);
        assertThat(request(before).at("/policy/decisionTable/version").asInt()).isEqualTo(version);
    }

    @Test
    void aHighRequestNeedsTwoPeopleWhenTheManagerAlsoOwnsTheEntitlement() {
        String entitlement = catalog.entitlement("line-4-drive", "HIGH", manager, "PT8H");
        String requestId = file(requester, entitlement);

        JsonNode filed = awaitRequest(requestId, "PENDING");
        assertThat(filed.at("/policy/stages").toString()).isEqualTo("[\"MANAGER\",\"RESOURCE_OWNER\"]");
        assertThat(filed.at("/policy/decisionTable/key").asText()).isEqualTo("approval-policy");
        assertThat(filed.at("/policy/decisionTable/version").asInt()).isPositive();

        assertThat(decide(mailbox.awaitMail(email(manager), "Approval needed"), "APPROVE").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(request(requestId).at("/stages/1/approverIds").toString()).isEqualTo("[\"" + director + "\"]"));
        assertThat(mailbox.to(email(manager), "Approval needed")).as("no second mail to the one who decided").hasSize(1);
        assertThat(decide(mailbox.awaitMail(email(director), "Approval needed"), "APPROVE").status()).isEqualTo(200);

        JsonNode approved = awaitRequest(requestId, "APPROVED");
        assertThat(approved.at("/stages/0/decision/approverId").asText()).isEqualTo(manager);
        assertThat(approved.at("/stages/1/decision/approverId").asText()).isEqualTo(director);
    }

    @Test
    void aPhishedApproversLinkIsDeadAndHerManagerGetsTheStage() {
        String entitlement = catalog.entitlement("hmi-5-read", "LOW", director, "PT8H");
        String requestId = file(requester, entitlement);
        MimeMessage phished = mailbox.awaitMail(email(manager), "Approval needed");

        Api operator = admin();
        assertThat(operator.post("/api/identities/" + manager + "/compromised", "{\"reason\":\"phished\"}").status()).isEqualTo(202);

        MimeMessage moved = mailbox.awaitMail(email(director), "Moved to you");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(request(requestId).at("/stages/0/approverIds").toString()).isEqualTo("[\"" + director + "\"]"));
        Api.Response dead = decide(phished, "APPROVE");
        assertThat(dead.status()).isEqualTo(403);
        assertThat(dead.body()).contains("no longer");
        assertThat(api().get("/approvals/" + Mailbox.approvalToken(phished)).status()).isEqualTo(403);
        assertThat(request(requestId).get("status").asText()).isEqualTo("PENDING");

        assertThat(decide(moved, "APPROVE").status()).isEqualTo(200);
        JsonNode approved = awaitRequest(requestId, "APPROVED");
        assertThat(approved.at("/stages/0/decision/approverId").asText()).isEqualTo(director);
    }

    @Test
    void aCriticalDecisionCountsOnlyWithAFreshSignInAndThePagesToken() {
        String security = catalog.signIn(catalog.person("sol", director), PASSWORD);
        assertThat(admin().put("/api/identities/" + security + "/roles", "{\"roles\":[\"OT_SECURITY\"]}").status()).isEqualTo(202);
        String entitlement = catalog.entitlement("sis-1-bypass", "CRITICAL", director, "P1D");
        String requestId = file(requester, entitlement);
        String link = "/approvals/" + Mailbox.approvalToken(mailbox.awaitMail(email(manager), "Approval needed"));

        // a sign-in ten minutes old is no re-authentication
        FormBrowser stale = new FormBrowser(api());
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))));
        assertThat(stale.signIn(manager, PASSWORD)).isEqualTo(302);
        ClockUtil.reset();
        String staleToken = FormBrowser.csrfTokenOf(stale.get(link).body());
        HttpResponse<String> refused = stale.postForm(link, Map.of("outcome", "APPROVE", "_csrf", staleToken));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("password");

        // a session's decision without the page's token is refused, as a forged cross-site request would be
        FormBrowser fresh = new FormBrowser(api());
        assertThat(fresh.signIn(manager, PASSWORD)).isEqualTo(302);
        assertThat(fresh.postForm(link, Map.of("outcome", "APPROVE")).statusCode()).isEqualTo(403);
        assertThat(request(requestId).at("/stages/0/decision").isMissingNode() || request(requestId).at("/stages/0/decision").isNull())
                .as("nothing recorded").isTrue();

        // a fresh sign-in with the page's token counts, and the record says how the approver authenticated
        String token = FormBrowser.csrfTokenOf(fresh.get(link).body());
        assertThat(fresh.postForm(link, Map.of("outcome", "APPROVE", "_csrf", token)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(request(requestId).at("/stages/0/decision/authentication/method").asText()).isEqualTo("SESSION"));

        // the password on the page itself counts too
        MimeMessage second = mailbox.awaitMail(email(director), "Approval needed");
        String secondLink = "/approvals/" + Mailbox.approvalToken(second);
        assertThat(api().send("POST", secondLink, "application/x-www-form-urlencoded", "outcome=APPROVE&password=wrong").status())
                .isEqualTo(401);
        assertThat(api().send("POST", secondLink, "application/x-www-form-urlencoded", "outcome=APPROVE&password=" + PASSWORD)
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode decision = request(requestId).at("/stages/1/decision");
            assertThat(decision.at("/authentication/method").asText()).isEqualTo("PASSWORD_ON_POST");
            assertThat(decision.get("reauthenticated").asBoolean()).isTrue();
        });
    }

    @Test
    void twoConflictingRequestsEndWithOneGrantAndOneVisibleSodRejection() throws Exception {
        String operate = catalog.entitlement("dcs-2-operate", "LOW", director, "PT8H");
        String engineer = "dcs-2-engineer-" + catalog.id("x");
        assertThat(admin().post("/api/entitlements", "{\"id\":\"" + engineer + "\",\"resource\":\"DCS-2\",\"system\":\"DCS\","
                + "\"zone\":\"cell-2\",\"level\":\"ENGINEER\",\"risk\":\"LOW\",\"ownerId\":\"" + director + "\",\"maxDuration\":\"PT8H\","
                + "\"sodConflicts\":[\"" + operate + "\"]}").status()).isEqualTo(202);
        catalog.awaitVisible("/api/entitlements/" + engineer);
        String first = file(requester, operate);
        String second = file(requester, engineer);
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailbox.to(email(manager), "Approval needed").stream()
                        .filter(mail -> body(mail).contains(requester)).toList(), found -> found.size() >= 2);

        for (MimeMessage mail : mails) {
            assertThat(decide(mail, "APPROVE").status()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !"PENDING".equals(request(first).get("status").asText())
                && !"PENDING".equals(request(second).get("status").asText()));
        List<JsonNode> ended = List.of(request(first), request(second));
        assertThat(ended).extracting(r -> r.get("status").asText()).containsExactlyInAnyOrder("APPROVED", "REJECTED");
        JsonNode rejected = ended.stream().filter(r -> "REJECTED".equals(r.get("status").asText())).findFirst().orElseThrow();
        assertThat(rejected.at("/rejection/reason").asText()).isEqualTo("SOD_CONFLICT");
        assertThat(rejected.at("/rejection/detail").asText()).contains("conflicts");
        assertThat(mailbox.awaitMail(email(requester), "Not granted")).isNotNull();
        assertThat(admin().get("/api/grants?identityId=" + requester).json()).hasSize(1);
    }

    @Test
    void theGrantsHistoryShowsThePolicyAndEachApproverAsTheActorOfTheirDecision() {
        String entitlement = catalog.entitlement("line-6-drive", "HIGH", manager, "PT8H");
        String requestId = file(requester, entitlement);
        decide(mailbox.awaitMail(email(manager), "Approval needed"), "APPROVE");
        decide(mailbox.awaitMail(email(director), "Approval needed"), "APPROVE");
        String grantId = awaitRequest(requestId, "APPROVED").get("grantId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(admin().get("/api/grants/" + grantId).json().path("status").asText()));

        assertThat(admin().post("/api/identities/" + requester + "/compromised", "{\"reason\":\"laptop stolen\"}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(admin().get("/api/grants/" + grantId).json().path("status").asText()));

        JsonNode events = admin().get("/api/compliance/grants/" + grantId + "/history").json().get("events");
        JsonNode policy = only(events, "ApprovalPolicyApplied");
        assertThat(policy.at("/payload/policy/stages").toString()).isEqualTo("[\"MANAGER\",\"RESOURCE_OWNER\"]");
        List<JsonNode> decisions = all(events, "ApprovalDecisionRecorded");
        assertThat(decisions).extracting(e -> e.get("actorId").asText()).containsExactly(manager, director);
        assertThat(decisions).extracting(e -> e.get("channel").asText()).containsOnly("EMAIL_LINK");
        JsonNode revoked = only(events, "GrantRevoked");
        assertThat(revoked.get("actorId").asText()).as("the operator who marked the holder compromised").isEqualTo(ADMIN);
        assertThat(revoked.get("channel").asText()).isEqualTo("PROCESS");
    }

    private static JsonNode only(JsonNode events, String type) {
        List<JsonNode> found = all(events, type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> all(JsonNode events, String type) {
        return StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("type").asText().endsWith(type)).toList();
    }

    private Api.Response decide(MimeMessage mail, String outcome) {
        return api().send("POST", "/approvals/" + Mailbox.approvalToken(mail), "application/x-www-form-urlencoded",
                "outcome=" + outcome);
    }

    private String file(String who, String entitlement) {
        Api.Response filed = api().as(who, PASSWORD).post("/api/access-requests",
                "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"Drive replacement\",\"duration\":\"PT2H\"}");
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        return filed.json().get("id").asText();
    }

    private JsonNode request(String id) {
        return new Requests(admin()).get(id);
    }

    private JsonNode awaitRequest(String id, String status) {
        return new Requests(admin()).awaitStatus(id, status);
    }

    private static String body(MimeMessage mail) {
        try {
            return Mailbox.htmlPart(mail);
        } catch (Exception unreadable) {
            return "";
        }
    }

    private static String email(String identityId) {
        return identityId + "@plant.example";
    }
}
