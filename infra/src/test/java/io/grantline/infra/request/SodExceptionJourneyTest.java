package io.grantline.infra.request;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Separation of duties with an explicit, recorded exception: a conflicting request is refused unless it asks for an
 * exception and says why; then OT security decides it as a stage of its own, signing in afresh, and the grant records
 * the one conflict it was allowed. Over HTTP, with the real engine and event store.
 */
class SodExceptionJourneyTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "sod-password-123";

    @Autowired
    GreenMail smtp;

    @Test
    void aConflictingGrantNeedsAnExceptionThatOtSecurityApprovesAndTheGrantRecordsIt() {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.signIn(catalog.person("maren", null), PASSWORD);
        String engineer = catalog.signIn(catalog.person("eike", manager), PASSWORD);
        String security = catalog.signIn(catalog.person("selma", manager), PASSWORD);
        assertThat(admin().put("/api/identities/" + security + "/roles", "{\"roles\":[\"OT_SECURITY\"]}").status()).isEqualTo(202);
        String configure = catalog.entitlement("dcs-4-configure", "LOW", manager, "P1D");
        String approve = catalog.id("dcs-4-approve-changes");
        assertThat(admin().post("/api/entitlements", "{\"id\":\"" + approve + "\",\"resource\":\"DCS-4 change approval\",\"system\":\"DCS\","
                + "\"zone\":\"cell-4\",\"level\":\"ADMIN\",\"risk\":\"LOW\",\"ownerId\":\"" + manager + "\",\"maxDuration\":\"P1D\","
                + "\"sodConflicts\":[\"" + configure + "\"]}").status()).isEqualTo(202);
        catalog.awaitVisible("/api/entitlements/" + approve);
        Approvals.activeGrant(admin(), as(engineer), as(manager), body(configure, null));

        Api.Response refused = as(engineer).post("/api/access-requests", body(approve, null));
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains(configure, "sodExceptionReason");
        String view = catalog.entitlement("dcs-4-view", "LOW", manager, "P1D");
        Api.Response nothingToExcept = as(engineer).post("/api/access-requests", body(view, "just in case"));
        assertThat(nothingToExcept.status()).as("%s", nothingToExcept).isEqualTo(400);
        assertThat(nothingToExcept.json().get("field").asText()).isEqualTo("sodExceptionReason");
        assertThat(as(engineer).get("/api/access-requests").json()).as("nothing stored").hasSize(1);

        Api.Response filed = as(engineer).post("/api/access-requests", body(approve, "night shift has one engineer: they must approve their own change"));
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        String requestId = filed.json().get("id").asText();
        JsonNode request = await().atMost(Duration.ofSeconds(20)).until(() -> as(engineer).get("/api/access-requests/" + requestId),
                response -> response.status() == 200 && response.json().path("policy").has("stages")).json();
        assertThat(request.at("/sodException/conflictsWith").asText()).isEqualTo(configure);
        assertThat(request.at("/policy/stages").toString()).isEqualTo("[\"MANAGER\",\"OT_SECURITY\"]");
        assertThat(request.at("/policy/reauthentication").asBoolean()).isTrue();

        Mailbox mailbox = new Mailbox(smtp);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailbox.to(manager + "@plant.example", "Approval needed"))
                .as("the approver learns what they are asked to allow")
                .anySatisfy(mail -> assertThat(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="))
                        .contains("Separation of duties", "night shift has one engineer")));
        FormBrowser browser = new FormBrowser(api());
        assertThat(browser.signIn(manager, PASSWORD)).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.get("/inbox").body().contains(requestId));
        assertThat(Jsoup.parse(browser.get("/inbox").body()).select("[id=task-" + requestId + ".0]").text())
                .as("the inbox shows what the approver is asked to allow").contains("Separation-of-duties exception", "night shift has one engineer");
        for (String approver : List.of(manager, security)) {
            String task = Approvals.awaitTask(as(approver), requestId);
            // the password on the call is the fresh sign-in the exception asks for
            assertThat(as(approver).post("/api/approvals/" + task + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
        }
        String grantId = await().atMost(Duration.ofSeconds(20)).until(
                () -> admin().get("/api/access-requests/" + requestId).json().path("grantId").asText(""), id -> !id.isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(admin().get("/api/grants/" + grantId).json().path("status").asText()));
        JsonNode granted = events(grantId).stream().filter(event -> event.get("type").asText().equals("AccessGranted")).findFirst().orElseThrow();
        assertThat(granted.at("/payload/sodExceptionFor").asText()).isEqualTo(configure);
        assertThat(as(engineer).get("/api/grants?identityId=" + engineer + "&status=ACTIVE").json()).as("both held now").hasSize(2);
    }

    private static String body(String entitlement, String sodExceptionReason) {
        return "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"DCS-4 night shift changes\",\"duration\":\"PT8H\""
                + (sodExceptionReason == null ? "" : ",\"sodExceptionReason\":\"" + sodExceptionReason + "\"") + "}";
    }

    private List<JsonNode> events(String grantId) {
        List<JsonNode> events = new ArrayList<>();
        admin().get("/api/compliance/grants/" + grantId + "/history").json().get("events").forEach(events::add);
        return events;
    }

    private Api as(String identity) {
        return api().as(identity, PASSWORD);
    }
}
