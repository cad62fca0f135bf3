package io.grantline.infra.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Approvals;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.FormBrowser;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A quarterly review as people live it, over HTTP and real SMTP: an officer launches a campaign over a few
 * entitlements, the owner gets one digest mail, certifies from its link, revokes over the API, leaves one grant
 * undecided; strangers and second decisions are refused; at the due date the undecided grant is revoked and the
 * campaign closes with its counts. The due date is real time a few seconds ahead, so no shared clock moves.
 */
class CampaignJourneyTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "campaign-password-1";
    private static final Pattern REVIEW_LINK = Pattern.compile("/reviews/link/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

    @Autowired
    GreenMail smtp;

    private Catalog catalog;
    private Mailbox mailbox;
    private String owner;
    private String holder;
    private String stranger;

    @BeforeEach
    void plant() {
        catalog = new Catalog(admin());
        mailbox = new Mailbox(smtp);
        String manager = catalog.signIn(catalog.person("mona", null), PASSWORD);
        owner = catalog.signIn(catalog.person("otto", null), PASSWORD);
        holder = catalog.signIn(catalog.person("hana", manager), PASSWORD);
        stranger = catalog.signIn(catalog.person("sven", manager), PASSWORD);
    }

    @Test
    void anOwnerCertifiesRevokesAndLeavesOneWhichIsRevokedAtTheDueDate() throws Exception {
        String hmi = catalog.entitlement("hmi-view", "LOW", owner, "P30D");
        String historian = catalog.entitlement("historian-read", "MEDIUM", owner, "P30D");
        String drive = catalog.entitlement("drive-tune", "MEDIUM", owner, "P30D");
        String manager = catalog.id("mona");
        Map<String, String> grants = new HashMap<>();
        for (String entitlement : new String[] {hmi, historian, drive}) {
            grants.put(entitlement, grant(holder, manager, entitlement));
        }

        String campaignId = catalog.id("q2");
        Instant dueAt = Instant.now().plusSeconds(25);
        Api.Response launched = admin().post("/api/campaigns", "{\"id\":\"" + campaignId + "\",\"dueAt\":\"" + dueAt
                + "\",\"scope\":{\"entitlementIds\":[\"" + hmi + "\",\"" + historian + "\",\"" + drive + "\"]}}");
        assertThat(launched.status()).as("%s", launched).isEqualTo(202);
        assertThat(launched.header("Location")).isEqualTo("/api/campaigns/" + campaignId);

        // one digest for the owner's whole review, with a signed link to the review page
        MimeMessage digest = mailbox.awaitMail(owner + "@plant.example", "Review needed: 3 privileges");
        String token = reviewToken(digest);
        Map<String, String> items = awaitInbox(owner, 3);
        assertThat(items.keySet()).containsExactlyInAnyOrder(grants.values().toArray(String[]::new));

        Api.Response page = api().get("/reviews/link/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Certify", "Revoke", "hmi-view", "historian-read", "drive-tune", holder);
        assertThat(api().get("/reviews/link/" + token).status()).as("opening the link twice changes nothing").isEqualTo(200);
        assertThat(as(owner).get("/api/reviews/inbox").json().size()).isEqualTo(3);

        // certify from the mail's link (a LOW privilege: the link suffices)
        String hmiItem = items.get(grants.get(hmi));
        Api.Response certified = api().send("POST", "/reviews/link/" + token, "application/x-www-form-urlencoded",
                "one=" + URLEncoder.encode("CERTIFY " + hmiItem, StandardCharsets.UTF_8));
        assertThat(certified.status()).as("%s", certified).isEqualTo(302);

        // nobody decides what is not theirs; an item that does not exist is not found
        String historianItem = items.get(grants.get(historian));
        assertThat(as(stranger).post("/api/reviews/" + historianItem + "/decision", "{\"outcome\":\"CERTIFY\"}").status())
                .as("a foreign item").isEqualTo(403);
        assertThat(as(holder).post("/api/reviews/" + historianItem + "/decision", "{\"outcome\":\"CERTIFY\"}").status())
                .as("the holder certifies nothing").isEqualTo(403);
        assertThat(as(owner).post("/api/reviews/" + campaignId + ".r0.99/decision", "{\"outcome\":\"CERTIFY\"}").status())
                .isEqualTo(404);
        Api.Response bad = as(owner).post("/api/reviews/" + historianItem + "/decision", "{\"outcome\":\"MAYBE\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("field").asText()).isEqualTo("outcome");

        // revoke over the API; a second decision on the same item is refused
        Api.Response revoked = as(owner).post("/api/reviews/" + historianItem + "/decision",
                "{\"outcome\":\"REVOKE\",\"comment\":\"=HYPERLINK(\\\"x\\\") no longer on the historian team\"}");
        assertThat(revoked.status()).isEqualTo(202);
        assertThat(revoked.header("Location")).isEqualTo("/api/reviews/inbox");
        Api.Response again = as(owner).post("/api/reviews/" + historianItem + "/decision", "{\"outcome\":\"CERTIFY\"}");
        assertThat(again.status()).as("a repeated decision").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(awaitGrant(grants.get(historian), "ENDED").get("endReason").asText()).isEqualTo("REVIEW");

        // the third is left undecided; at the due date the campaign's policy (REVOKE) ends it, and the campaign closes
        JsonNode report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> admin().get("/api/campaigns/" + campaignId).json(), json -> "CLOSED".equals(json.path("status").asText()));
        assertThat(report.get("total").asInt()).isEqualTo(3);
        assertThat(report.get("certified").asInt()).isEqualTo(1);
        assertThat(report.get("revoked").asInt()).isEqualTo(2);
        assertThat(report.get("revokedForNoDecision").asInt()).isEqualTo(1);
        assertThat(report.get("pending").asInt()).isZero();
        assertThat(awaitGrant(grants.get(drive), "ENDED").get("endReason").asText()).isEqualTo("REVIEW");
        assertThat(admin().get("/api/grants/" + grants.get(hmi)).json().get("status").asText()).as("certified: kept").isEqualTo("ACTIVE");

        Api.Response csv = admin().get("/api/campaigns/" + campaignId + "/items");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .contains(hmiItem + "," + grants.get(hmi) + "," + holder + "," + hmi + ",LOW," + owner + ",CERTIFIED," + owner)
                .contains(",REVOKED," + owner)
                .contains(",REVOKED_NO_DECISION,")
                .contains("\"'=HYPERLINK(\"\"x\"\") no longer on the historian team\"");
        JsonNode reviewers = admin().get("/api/campaigns/" + campaignId + "/reviewers").json();
        assertThat(reviewers.get(0).get("reviewerId").asText()).isEqualTo(owner);
        assertThat(reviewers.get(0).get("decided").asInt()).isEqualTo(2);
        assertThat(as(owner).get("/api/reviews/inbox").json().size()).isZero();
        assertThat(api().get("/reviews/link/" + token).status()).as("the link dies with the review").isIn(403, 410);

        // each grant's history tells its review: what the reviewer was given, the decision on this grant (not the
        // reviewer's decisions on the others) and the close
        List<JsonNode> certifiedGrant = history(grants.get(hmi));
        assertThat(types(certifiedGrant)).containsSubsequence("AccessGranted", "ReviewOpened", "ReviewDecisionRecorded", "GrantCertified",
                "ReviewClosed");
        assertThat(decisions(certifiedGrant)).singleElement().satisfies(decision -> {
            assertThat(decision.get("aggregateId").asText()).isEqualTo(campaignId + ".r0");
            assertThat(decision.get("payload").get("grantId").asText()).isEqualTo(grants.get(hmi));
            assertThat(decision.get("payload").get("outcome").asText()).isEqualTo("CERTIFY");
            assertThat(decision.get("payload").get("authentication").get("method").asText()).as("the link alone").isEqualTo("LINK_ONLY");
            assertThat(decision.get("hash").asText()).isNotBlank();
        });
        assertThat(decisions(history(grants.get(historian)))).singleElement().satisfies(decision -> {
            assertThat(decision.get("payload").get("outcome").asText()).isEqualTo("REVOKE");
            assertThat(decision.get("payload").get("authentication").get("method").asText()).isEqualTo("PASSWORD_ON_POST");
            assertThat(decision.get("payload").get("signedIn").asBoolean()).isTrue();
        });
        List<JsonNode> undecided = history(grants.get(drive));
        assertThat(types(undecided)).containsSubsequence("ReviewOpened", "ReviewClosed", "GrantRevoked");
        assertThat(decisions(undecided)).as("nobody decided it").isEmpty();
        assertThat(decisions(identityHistory(holder))).as("the holder's history tells the decisions on the holder's grants")
                .extracting(decision -> decision.get("payload").get("grantId").asText())
                .containsExactlyInAnyOrder(grants.get(hmi), grants.get(historian));
        List<JsonNode> ownerEvents = identityHistory(owner);
        assertThat(decisions(ownerEvents)).as("the reviewer's history tells every decision of the review they were given")
                .extracting(decision -> decision.get("payload").get("grantId").asText())
                .containsExactlyInAnyOrder(grants.get(hmi), grants.get(historian));
        assertThat(types(ownerEvents)).contains("ReviewOpened", "ReviewClosed");
        Api.Response timeline = admin().get("/compliance/grants/" + grants.get(hmi) + "/history");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body()).contains("put under review by " + owner, "certified in review " + campaignId + ".r0",
                "the review closed");
    }

    @Test
    void aHighRiskPrivilegeIsCertifiedWithTheReviewersOwnPasswordNotAnIntegrationsToken() {
        String manager = catalog.id("mona");
        String scada = catalog.entitlement("scada-setpoints", "HIGH", owner, "P30D");
        Api.Response filed = as(holder).post("/api/access-requests", "{\"entitlementId\":\"" + scada
                + "\",\"justification\":\"line 3 retrofit\",\"duration\":\"P20D\"}");
        String requestId = filed.json().get("id").asText();
        for (String approver : List.of(manager, owner)) {
            String task = Approvals.awaitTask(as(approver), requestId);
            assertThat(as(approver).post("/api/approvals/" + task + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
        }
        String grantId = await().atMost(Duration.ofSeconds(20)).until(
                () -> admin().get("/api/access-requests/" + requestId).json().path("grantId").asText(""), id -> !id.isEmpty());
        awaitGrant(grantId, "ACTIVE");
        String campaignId = catalog.id("q2-high");
        assertThat(admin().post("/api/campaigns", "{\"id\":\"" + campaignId + "\",\"dueAt\":\"" + Instant.now().plusSeconds(3600)
                + "\",\"scope\":{\"entitlementIds\":[\"" + scada + "\"]},\"onNoDecision\":\"KEEP\"}").status()).isEqualTo(202);
        String item = awaitInbox(owner, 1).get(grantId);

        String token = as(owner).post("/api/tokens", "{\"name\":\"review scripts\"}").json().get("token").asText();
        Api.Response byToken = api().bearer(token).post("/api/reviews/" + item + "/decision", "{\"outcome\":\"CERTIFY\"}");
        assertThat(byToken.status()).as("%s", byToken).isEqualTo(403);
        assertThat(byToken.contentType()).startsWith("application/problem+json");
        assertThat(byToken.json().get("field").asText()).isEqualTo("itemId");
        assertThat(awaitInbox(owner, 1)).as("nothing recorded").containsKey(grantId);

        assertThat(as(owner).post("/api/reviews/" + item + "/decision", "{\"outcome\":\"CERTIFY\"}").status()).isEqualTo(202);
        JsonNode decision = await().atMost(Duration.ofSeconds(20)).until(() -> decisions(history(grantId)), list -> list.size() == 1).get(0);
        assertThat(decision.get("payload").get("authentication").get("method").asText()).isEqualTo("PASSWORD_ON_POST");
        assertThat(decision.get("payload").get("channel").asText()).isEqualTo("API");
    }

    @Test
    void aSignedInReviewerFindsTheReviewAtHomeDecidesOnThePageAndHandsTheRestOn() {
        TwoPrivilegeReview review = twoPrivilegeReview("lars", "press", "q3-pages");
        String lead = review.lead();
        String panelGrant = review.panelGrant();
        String loggerGrant = review.loggerGrant();
        String campaignId = review.campaignId();
        Map<String, String> items = review.items();
        String reviewId = campaignId + ".r0";

        FormBrowser browser = new FormBrowser(api());
        assertThat(browser.signIn(lead, PASSWORD)).isEqualTo(302);
        Document home = Jsoup.parse(browser.get("/").body());
        assertThat(home.select("nav a[href=/reviews]").text()).isEqualTo("Reviews");
        assertThat(home.select("section[aria-labelledby=review]").text())
                .contains("Privileges to review", "2 privileges in campaign " + campaignId);

        String page = browser.get("/reviews").body();
        assertThat(browser.postForm("/reviews", Map.of("_csrf", FormBrowser.csrfTokenOf(page),
                "one", "CERTIFY " + items.get(panelGrant))).statusCode()).isEqualTo(302);
        JsonNode decision = await().atMost(Duration.ofSeconds(20)).until(() -> decisions(history(panelGrant)), list -> list.size() == 1).get(0);
        assertThat(decision.get("payload").get("authentication").get("method").asText()).isEqualTo("SESSION");
        assertThat(decision.get("payload").get("channel").asText()).isEqualTo("WEB");

        String form = browser.get("/reviews").body();
        assertThat(Jsoup.parse(form).select("form[action=/reviews/" + reviewId + "/delegation]")).hasSize(1);
        browser.postForm("/reviews/" + reviewId + "/delegation", Map.of("_csrf", FormBrowser.csrfTokenOf(form),
                "toReviewerId", "nobody-" + campaignId, "reason", "on leave"));
        assertThat(browser.get("/reviews").body()).as("an unknown person takes nothing over")
                .contains("Nothing was changed").contains(items.get(loggerGrant));
        assertThat(browser.postForm("/reviews/" + reviewId + "/delegation", Map.of("toReviewerId", stranger, "reason", "on leave"))
                .statusCode()).as("without the page's token").isEqualTo(403);
        assertThat(awaitInbox(lead, 1)).containsKey(loggerGrant);

        browser.postForm("/reviews/" + reviewId + "/delegation", Map.of("_csrf", FormBrowser.csrfTokenOf(browser.get("/reviews").body()),
                "toReviewerId", stranger, "reason", "on leave until May"));
        assertThat(browser.get("/reviews").body()).contains("Handed review " + reviewId + " to " + stranger);
        assertThat(awaitInbox(stranger, 1)).containsKey(loggerGrant);
        assertThat(as(lead).get("/api/reviews/inbox").json().size()).isZero();
    }

    @Test
    void aReviewerHandsTheReviewOnAndADepartedDelegatesReviewMovesToTheirManager() {
        TwoPrivilegeReview review = twoPrivilegeReview("lena", "line", "q2-hand-on");
        String manager = review.manager();
        String lead = review.lead();
        String panelGrant = review.panelGrant();
        String loggerGrant = review.loggerGrant();
        String campaignId = review.campaignId();
        Map<String, String> items = review.items();
        String reviewId = campaignId + ".r0";

        assertThat(as(stranger).post("/api/reviews/" + reviewId + "/delegation", "{\"toReviewerId\":\"" + stranger
                + "\",\"reason\":\"mine now\"}").status()).as("only the reviewer hands it on").isEqualTo(403);
        assertThat(as(lead).post("/api/reviews/" + reviewId + "/delegation", "{\"toReviewerId\":\"" + stranger
                + "\",\"reason\":\"on leave until May\"}").status()).isEqualTo(202);
        mailbox.awaitMail(stranger + "@plant.example", "Handed to you: review needed: 2 privileges");
        awaitInbox(stranger, 2);
        assertThat(as(lead).post("/api/reviews/" + items.get(panelGrant) + "/decision", "{\"outcome\":\"CERTIFY\"}").status())
                .as("no longer the lead's").isEqualTo(403);
        assertThat(as(stranger).post("/api/reviews/" + items.get(panelGrant) + "/decision", "{\"outcome\":\"CERTIFY\"}").status())
                .isEqualTo(202);

        // the delegate leaves: the review moves to their manager at once, who finishes it
        assertThat(admin().post("/api/identities/" + stranger + "/departure", "{\"reason\":\"left the company\"}").status())
                .isEqualTo(202);
        mailbox.awaitMail(manager + "@plant.example", "Escalated to you: review needed: 1 privilege");
        awaitInbox(manager, 1);
        assertThat(as(manager).post("/api/reviews/" + items.get(loggerGrant) + "/decision", "{\"outcome\":\"CERTIFY\"}").status())
                .isEqualTo(202);

        JsonNode report = await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/campaigns/" + campaignId).json(),
                json -> "CLOSED".equals(json.path("status").asText()));
        assertThat(report.get("certified").asInt()).as("every item decided: the campaign closes before its due date").isEqualTo(2);
        Api.Response csv = admin().get("/api/campaigns/" + campaignId + "/items");
        assertThat(csv.body()).contains(items.get(panelGrant) + ",").contains(",CERTIFIED," + stranger + ",")
                .contains(",CERTIFIED," + manager + ",");
        assertThat(types(history(loggerGrant))).as("who held the review, in order")
                .containsSubsequence("ReviewOpened", "ReviewDelegated", "ReviewEscalated", "ReviewDecisionRecorded", "ReviewClosed");
        assertThat(types(identityHistory(stranger))).as("a delegate's history holds the review handed to them")
                .containsSubsequence("ReviewDelegated", "ReviewDecisionRecorded", "ReviewEscalated");
        assertThat(decisions(identityHistory(manager))).extracting(decision -> decision.get("payload").get("reviewerId").asText())
                .as("the manager decided one of the review's items; the other was the delegate's").contains(manager, stranger);
    }

    @Test
    void launchingNeedsARoleAndAFutureDueDate() {
        assertThat(as(holder).post("/api/campaigns", "{\"dueAt\":\"" + Instant.now().plusSeconds(3600) + "\"}").status())
                .isEqualTo(403);
        Api.Response past = admin().post("/api/campaigns", "{\"dueAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("field").asText()).isEqualTo("dueAt");
        Api.Response missing = admin().post("/api/campaigns", "{\"onNoDecision\":\"KEEP\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("dueAt");
        Api.Response policy = admin().post("/api/campaigns", "{\"dueAt\":\"" + Instant.now().plusSeconds(3600) + "\",\"onNoDecision\":\"MAYBE\"}");
        assertThat(policy.status()).isEqualTo(400);
        assertThat(policy.json().get("field").asText()).isEqualTo("onNoDecision");
        assertThat(admin().get("/api/campaigns/" + catalog.id("never-launched")).status()).isEqualTo(404);
        assertThat(api().get("/reviews/link/forged.token").status()).isEqualTo(404);
    }

    private List<JsonNode> history(String grantId) {
        Api.Response history = admin().get("/api/compliance/grants/" + grantId + "/history");
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        history.json().get("events").forEach(events::add);
        return events;
    }

    private List<JsonNode> identityHistory(String identity) {
        List<JsonNode> events = new ArrayList<>();
        admin().get("/api/compliance/identities/" + identity + "/history").json().get("events").forEach(events::add);
        return events;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asText()).toList();
    }

    private static List<JsonNode> decisions(List<JsonNode> events) {
        return events.stream().filter(event -> event.get("type").asText().equals("ReviewDecisionRecorded")).toList();
    }

    /** A lead owns two LOW entitlements the holder holds; a campaign over both puts them in the lead's one review. */
    private record TwoPrivilegeReview(String manager, String lead, String panelGrant, String loggerGrant, String campaignId,
                                      Map<String, String> items) {
    }

    private TwoPrivilegeReview twoPrivilegeReview(String leadName, String prefix, String campaign) {
        String manager = catalog.id("mona");
        String lead = catalog.signIn(catalog.person(leadName, manager), PASSWORD);
        String panel = catalog.entitlement(prefix + "-panel", "LOW", lead, "P30D");
        String logger = catalog.entitlement(prefix + "-logger", "LOW", lead, "P30D");
        String panelGrant = grant(holder, manager, panel);
        String loggerGrant = grant(holder, manager, logger);
        String campaignId = catalog.id(campaign);
        assertThat(admin().post("/api/campaigns", "{\"id\":\"" + campaignId + "\",\"dueAt\":\"" + Instant.now().plusSeconds(3600)
                + "\",\"scope\":{\"entitlementIds\":[\"" + panel + "\",\"" + logger + "\"]},\"onNoDecision\":\"KEEP\"}").status())
                .isEqualTo(202);
        return new TwoPrivilegeReview(manager, lead, panelGrant, loggerGrant, campaignId, awaitInbox(lead, 2));
    }

    private String grant(String beneficiary, String approver, String entitlement) {
        return Approvals.activeGrant(admin(), as(beneficiary), as(approver), "{\"entitlementId\":\"" + entitlement
                + "\",\"justification\":\"line 3 retrofit\",\"duration\":\"P20D\"}");
    }

    /** grantId → itemId of the caller's inbox, once it holds {@code count} items. */
    private Map<String, String> awaitInbox(String reviewer, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            Map<String, String> items = new HashMap<>();
            for (JsonNode item : as(reviewer).get("/api/reviews/inbox").json()) {
                items.put(item.get("grantId").asText(), item.get("itemId").asText());
            }
            return items;
        }, items -> items.size() == count);
    }

    private JsonNode awaitGrant(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response response = admin().get("/api/grants/" + id);
            return response.status() == 200 && status.equals(response.json().get("status").asText());
        });
        return admin().get("/api/grants/" + id).json();
    }

    private static String reviewToken(MimeMessage mail) {
        Matcher link = REVIEW_LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        if (!link.find()) {
            throw new AssertionError("no review link in: " + GreenMailUtil.getBody(mail));
        }
        return link.group(1);
    }

    private Api as(String identity) {
        return api().as(identity, PASSWORD);
    }
}
