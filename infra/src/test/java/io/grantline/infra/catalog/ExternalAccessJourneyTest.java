package io.grantline.infra.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Approvals;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A contractor's engineer works on the plant for a while: registered as external with a sponsor and an end, their
 * grants end with their sponsorship, the sponsor is told before it ends and extends it once, and at the (new) end they
 * depart and lose what they hold. Timers are run by their ids, as the job executor runs them once due; the shared clock
 * is not moved.
 */
class ExternalAccessJourneyTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "external-access-1";

    @Autowired
    GreenMail smtp;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void aContractorsAccessEndsWithTheSponsorshipTheSponsorIsToldAndMayExtend() throws Exception {
        Catalog catalog = new Catalog(admin());
        String sponsor = catalog.signIn(catalog.person("sina", null), PASSWORD);
        String entitlement = catalog.entitlement("drive-commissioning", "LOW", sponsor, "PT8H");
        String contractor = catalog.id("kai");
        Instant ends = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(admin().post("/api/identities", """
                {"id":"%s","kind":"HUMAN","displayName":"Kai (Integrator Ltd)","email":"%s@integrator.example","managerId":"%s",
                 "external":true,"sponsorId":"%s","endsAt":"%s"}""".formatted(contractor, contractor, sponsor, sponsor, ends)).status())
                .isEqualTo(202);
        catalog.awaitVisible("/api/identities/" + contractor);
        JsonNode shown = admin().get("/api/identities/" + contractor).json();
        assertThat(shown.get("external").asBoolean()).isTrue();
        assertThat(shown.get("sponsorId").asText()).isEqualTo(sponsor);
        assertThat(Instant.parse(shown.get("endsAt").asText())).isEqualTo(ends);
        catalog.signIn(contractor, PASSWORD);

        // their grant ends with the sponsorship, whatever they asked for
        String grantId = grantFor(contractor, sponsor, entitlement, "PT8H");
        JsonNode grant = admin().get("/api/grants/" + grantId).json();
        assertThat(Instant.parse(grant.get("validUntil").asText())).as("capped at the sponsorship's end").isEqualTo(ends);

        // the sponsor is told before the end
        ProcessInstance first = sponsorshipOf(contractor, ends);
        runTimer(first, "noticeDue");
        assertThat(new Mailbox(smtp).awaitMail(sponsor + "@plant.example", "Sponsored access ends").getSubject())
                .contains("Kai (Integrator Ltd) (" + contractor + ")");

        // and extends it; the first end then changes nothing
        Instant extended = ends.plus(Duration.ofDays(30));
        assertThat(admin().put("/api/identities/" + contractor + "/sponsor", "{\"sponsorId\":\"" + sponsor + "\",\"endsAt\":\""
                + extended + "\"}").status()).isEqualTo(202);
        ProcessInstance second = sponsorshipOf(contractor, extended);
        awaitWaitingAt(first, "sponsorshipEnds");
        runTimer(first, "sponsorshipEnds");
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery().processInstanceId(first.getId()).count() == 0);
        assertThat(status(contractor)).as("extended: still here").isEqualTo("ACTIVE");

        // at the new end they depart, and what they hold ends
        runTimer(second, "noticeDue");
        awaitWaitingAt(second, "sponsorshipEnds");
        runTimer(second, "sponsorshipEnds");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEPARTED".equals(status(contractor)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(admin().get("/api/grants/" + grantId).json().path("status").asText()));
    }

    @Test
    void anExternalPersonNeedsASponsorAndAnEndInTheFutureAndOnlyPeopleAreExternal() {
        Catalog catalog = new Catalog(admin());
        String sponsor = catalog.person("stef", null);
        String future = Instant.now().plus(Duration.ofDays(10)).toString();
        assertBadField("{\"id\":\"%s\",\"kind\":\"HUMAN\",\"displayName\":\"X\",\"external\":true,\"endsAt\":\"%s\"}"
                .formatted(catalog.id("x1"), future), "sponsorId");
        assertBadField("{\"id\":\"%s\",\"kind\":\"HUMAN\",\"displayName\":\"X\",\"external\":true,\"sponsorId\":\"%s\"}"
                .formatted(catalog.id("x2"), sponsor), "endsAt");
        assertBadField("{\"id\":\"%s\",\"kind\":\"HUMAN\",\"displayName\":\"X\",\"external\":true,\"sponsorId\":\"%s\",\"endsAt\":\"2020-01-01T00:00:00Z\"}"
                .formatted(catalog.id("x3"), sponsor), "endsAt");
        assertBadField("{\"id\":\"%s\",\"kind\":\"SERVICE_ACCOUNT\",\"displayName\":\"X\",\"ownerId\":\"%s\",\"external\":true,\"sponsorId\":\"%s\",\"endsAt\":\"%s\"}"
                .formatted(catalog.id("x4"), sponsor, sponsor, future), "external");
        assertBadField("{\"id\":\"%s\",\"kind\":\"HUMAN\",\"displayName\":\"X\",\"sponsorId\":\"%s\"}".formatted(catalog.id("x5"), sponsor),
                "sponsorId");
        assertBadField("{\"id\":\"%s\",\"kind\":\"HUMAN\",\"displayName\":\"X\",\"external\":true,\"sponsorId\":\"%s\",\"endsAt\":\"soon\"}"
                .formatted(catalog.id("x6"), sponsor), "endsAt");
        assertThat(admin().get("/api/identities/" + catalog.id("x1")).status()).as("nothing stored").isEqualTo(404);
        String employee = catalog.person("emma", null);
        assertThat(admin().put("/api/identities/" + employee + "/sponsor", "{\"sponsorId\":\"" + sponsor + "\",\"endsAt\":\"" + future
                + "\"}").status()).as("an employee has no sponsor").isEqualTo(400);
    }

    private void assertBadField(String body, String field) {
        Api.Response response = admin().post("/api/identities", body);
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).as("%s", response).isEqualTo(field);
    }

    private String grantFor(String beneficiary, String approver, String entitlement, String duration) {
        return Approvals.activeGrant(admin(), api().as(beneficiary, PASSWORD), api().as(approver, PASSWORD), "{\"entitlementId\":\""
                + entitlement + "\",\"justification\":\"drive commissioning\",\"duration\":\"" + duration + "\"}");
    }

    private ProcessInstance sponsorshipOf(String identity, Instant endsAt) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("external-access").variableValueEquals("identityId", identity)
                .variableValueEquals("endsAt", endsAt.toString()).singleResult(), instance -> instance != null);
    }

    private void awaitWaitingAt(ProcessInstance instance, String activity) {
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.getActiveActivityIds(instance.getId()).contains(activity));
    }

    /** Fires the instance's timer at {@code activity} now; the step after it runs as a job the job executor takes. */
    private void runTimer(ProcessInstance instance, String activity) {
        awaitWaitingAt(instance, activity);
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activity).singleResult();
        management.executeJob(timer.getId());
    }

    private String status(String identity) {
        return admin().get("/api/identities/" + identity).json().path("status").asText();
    }
}
