package io.grantline.infra.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Approvals;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Line 3 is down at 02:00: an engineer takes break-glass access to its PLC. It is there at once, for four hours at
 * most; OT security and the PLC's owner are told; the owner, then OT security, review it afterwards with a fresh
 * sign-in. A second emergency is rejected in review and revoked at once, flagged BREAK_GLASS_REJECTED. A third within
 * the month is beyond the site's allowance (2 per P30D) and is recorded and rejected.
 */
class BreakGlassJourneyTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "break-glass-1";

    @Autowired
    GreenMail smtp;

    @Test
    void breakGlassIsGrantedAtOnceToldReviewedRevokedOnRejectionAndLimited() throws Exception {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.signIn(catalog.person("mona", null), PASSWORD);
        String owner = catalog.signIn(catalog.person("otto", null), PASSWORD);
        String security = catalog.signIn(catalog.person("sven", null), PASSWORD);
        assertThat(admin().put("/api/identities/" + security + "/roles", "{\"roles\":[\"OT_SECURITY\"]}").status()).isEqualTo(202);
        String engineer = catalog.signIn(catalog.person("erik", manager), PASSWORD);
        String plc = catalog.entitlement("plc-3-engineer", "CRITICAL", owner, "PT8H");
        String drive = catalog.entitlement("drive-3-engineer", "LOW", owner, "PT8H");
        String hmi = catalog.entitlement("hmi-3-admin", "MEDIUM", owner, "PT8H");
        Mailbox mailbox = new Mailbox(smtp);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/api/identities/" + security).json().path("status").asText()
                .equals("ACTIVE"));

        // a stolen API token is not enough: break-glass asks for the person's own, fresh proof (here, the password on the call)
        String token = as(engineer).post("/api/tokens", "{\"name\":\"scripts\"}").json().get("token").asText();
        long since = eventStore.head();
        Api.Response withToken = api().bearer(token).post("/api/access-requests", """
                {"entitlementId":"%s","justification":"line 3 is down","emergency":true}""".formatted(plc));
        assertThat(withToken.status()).as("%s", withToken).isEqualTo(403);
        assertThat(withToken.json().path("field").asText()).isEqualTo("emergency");
        assertThat(eventStore.countOfTypeSince(since, "AccessRequested")).as("nothing filed").isZero();

        // granted at once, for four hours at most, with no approval before it
        String first = emergency(engineer, plc);
        JsonNode request = awaitGranted(first);
        JsonNode filed = admin().get("/api/compliance/grants/" + request.path("grantId").asText() + "/history").json().get("events").get(0);
        assertThat(filed.path("type").asText()).isEqualTo("AccessRequested");
        assertThat(filed.at("/payload/authentication/method").asText()).as("how the engineer proved who they were").isEqualTo("PASSWORD_ON_POST");
        assertThat(request.path("status").asText()).isEqualTo("APPROVED");
        assertThat(request.path("policy").path("breakGlass").asBoolean()).isTrue();
        assertThat(request.path("policy").path("reauthentication").asBoolean()).isTrue();
        assertThat(request.path("policy").path("stages").toString()).isEqualTo("[\"RESOURCE_OWNER\",\"OT_SECURITY\"]");
        JsonNode grant = awaitGrantStatus(request.path("grantId").asText(), "ACTIVE");
        assertThat(Duration.between(Instant.parse(grant.path("validFrom").asText()), Instant.parse(grant.path("validUntil").asText())))
                .isEqualTo(Duration.ofHours(4));

        String page = as(engineer).get("/requests/" + first).body();
        assertThat(page).contains("Break-glass:").contains("Reviews after the grant").contains("4 hours");

        // security and the owner are told at once
        for (String told : new String[] {owner, security}) {
            MimeMessage notice = mailbox.awaitMail(told + "@plant.example", "Break-glass access given");
            assertThat(notice.getSubject()).contains("plc-3-engineer").contains("erik (" + engineer + ")");
            assertThat(Mailbox.htmlPart(notice)).contains("4 hours").contains("line 3 is down");
        }

        // reviewed afterwards: the owner, then OT security, each proving who they are
        MimeMessage review = mailbox.awaitMail(owner + "@plant.example", "Review of break-glass access needed");
        assertThat(review.getSubject()).contains("plc-3-engineer");
        String ownersLink = "/approvals/" + Mailbox.approvalToken(review);
        assertThat(api().send("POST", ownersLink, "application/x-www-form-urlencoded", "outcome=APPROVE").status())
                .as("the link alone is not enough: a fresh sign-in is").isIn(401, 403);
        assertThat(as(engineer).post("/api/approvals/" + awaitTask(owner, first) + "/decision", "{\"outcome\":\"APPROVE\"}").status())
                .as("not the engineer's to review").isIn(403, 404);
        decide(owner, first, "APPROVE");
        decide(security, first, "APPROVE");
        await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/access-requests/" + first).json().path("stages")
                .path(1).has("decision"));
        JsonNode reviewed = admin().get("/api/access-requests/" + first).json();
        assertThat(reviewed.path("status").asText()).as("confirmed in review").isEqualTo("APPROVED");
        assertThat(reviewed.path("stages").path(0).path("decision").path("reauthenticated").asBoolean()).isTrue();
        assertThat(admin().get("/api/grants/" + reviewed.path("grantId").asText()).json().path("status").asText()).isEqualTo("ACTIVE");

        // a rejection in review revokes at once, flagged, and the engineer is told
        String second = emergency(engineer, drive);
        String secondGrant = awaitGranted(second).path("grantId").asText();
        awaitGrantStatus(secondGrant, "ACTIVE");
        decide(owner, second, "REJECT");
        JsonNode revoked = awaitGrantStatus(secondGrant, "ENDED");
        assertThat(revoked.path("endReason").asText()).isEqualTo("BREAK_GLASS_REJECTED");
        JsonNode rejected = admin().get("/api/access-requests/" + second).json();
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("rejection").path("reason").asText()).isEqualTo("APPROVER_REJECTED");
        assertThat(mailbox.awaitMail(engineer + "@plant.example", "Break-glass access rejected in review").getSubject()).contains("drive-3-engineer");

        // a third emergency within the month is beyond the allowance: recorded, rejected, nothing granted
        String third = emergency(engineer, hmi);
        JsonNode refused = await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/access-requests/" + third).json(),
                shown -> "REJECTED".equals(shown.path("status").asText()));
        assertThat(refused.path("rejection").path("reason").asText()).isEqualTo("BREAK_GLASS_LIMIT");
        assertThat(refused.path("rejection").path("detail").asText()).contains("in the last 30 days");
        assertThat(refused.has("grantId")).isFalse();
        assertThat(Mailbox.htmlPart(mailbox.awaitMail(engineer + "@plant.example", "Not granted"))).contains("break-glass");
        assertThat(admin().get("/api/grants?identityId=" + engineer + "&status=ACTIVE").json().toString()).doesNotContain(hmi);
    }

    @Test
    void aReviewLeftWithNobodyWhoMayDecideRevokesTheBreakGlassGrant() {
        Catalog catalog = new Catalog(admin());
        String owner = catalog.signIn(catalog.person("lone-owner", null), PASSWORD);
        String engineer = catalog.signIn(catalog.person("nina", owner), PASSWORD);
        String valve = catalog.entitlement("valve-9-operate", "HIGH", owner, "PT8H");
        String first = emergency(engineer, valve);
        String grantId = awaitGranted(first).path("grantId").asText();
        awaitGrantStatus(grantId, "ACTIVE");
        awaitTask(owner, first);

        // the only reviewer leaves, and nobody above them may decide the review
        assertThat(admin().post("/api/identities/" + owner + "/departure", "{\"reason\":\"left the company\"}").status()).isEqualTo(202);

        JsonNode revoked = awaitGrantStatus(grantId, "ENDED");
        assertThat(revoked.path("endReason").asText()).isEqualTo("BREAK_GLASS_REJECTED");
        JsonNode rejected = admin().get("/api/access-requests/" + first).json();
        assertThat(rejected.path("rejection").path("reason").asText()).isEqualTo("NO_APPROVER");
    }

    private String emergency(String requester, String entitlement) {
        Api.Response filed = as(requester).post("/api/access-requests", """
                {"entitlementId":"%s","justification":"line 3 is down","ticket":"INC-3","emergency":true}""".formatted(entitlement));
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        return filed.json().get("id").asText();
    }

    private JsonNode awaitGranted(String requestId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/access-requests/" + requestId).json(),
                shown -> !shown.path("grantId").asText("").isEmpty());
    }

    private JsonNode awaitGrantStatus(String grantId, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/grants/" + grantId).json(),
                shown -> status.equals(shown.path("status").asText()));
    }

    private String awaitTask(String reviewer, String requestId) {
        return Approvals.awaitTask(as(reviewer), requestId);
    }

    /** Over the API with the reviewer's own password: credentials on the decision itself count as a fresh sign-in. */
    private void decide(String reviewer, String requestId, String outcome) {
        Api.Response decided = as(reviewer).post("/api/approvals/" + awaitTask(reviewer, requestId) + "/decision",
                "{\"outcome\":\"" + outcome + "\"}");
        assertThat(decided.status()).as("%s", decided).isEqualTo(202);
    }

    private Api as(String who) {
        return api().as(who, PASSWORD);
    }
}
