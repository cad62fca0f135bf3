package io.grantline.infra.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DESIGN: a non-human identity without an active owner is suspended; offboarding hands an owner's non-human identities
 * to a new owner within a deadline, or suspends them. Here an engineer who owns two service accounts leaves: their
 * manager is asked by mail for new owners, one account is handed over, and at the deadline the other is suspended.
 * The deadline's timer is run by its id, as the job executor would run it once due; the shared clock is not moved.
 */
class OwnerTransferJourneyTest extends GrantlineIntegrationTest {

    @Autowired
    GreenMail smtp;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void aLeaversServiceAccountsAreHandedOverOrSuspendedAtTheDeadline() throws Exception {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.person("hilde", null);
        String engineer = catalog.person("emil", manager);
        String successor = catalog.person("sara", manager);
        String historian = serviceAccount(catalog, "historian-collector", engineer);
        String opcBridge = serviceAccount(catalog, "opc-bridge", engineer);

        assertThat(admin().post("/api/identities/" + engineer + "/departure", "{\"reason\":\"moved to another site\"}").status())
                .isEqualTo(202);

        MimeMessage asked = new Mailbox(smtp).awaitMail(manager + "@plant.example", "New owner needed by");
        assertThat(asked.getSubject()).contains("2 identities of emil (" + engineer + ")");
        String mail = Mailbox.htmlPart(asked);
        assertThat(mail).contains("has left", "historian-collector (" + historian + ")", "opc-bridge (" + opcBridge + ")",
                "service account", "Hand over");

        assertThat(admin().post("/api/identities/" + historian + "/owner", "{\"ownerId\":\"" + successor + "\"}").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> successor.equals(admin().get("/api/identities/" + historian).json()
                .path("ownerId").asText()));

        runTheDeadlineOf(lockoutOf(engineer));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SUSPENDED".equals(status(opcBridge)));
        assertThat(status(historian)).as("handed over in time: its new owner is active").isEqualTo("ACTIVE");
        JsonNode suspended = StreamSupport.stream(admin().get("/api/compliance/identities/" + opcBridge + "/history").json()
                .get("events").spliterator(), false).filter(event -> event.get("type").asText().equals("IdentitySuspended"))
                .findFirst().orElseThrow();
        assertThat(suspended.get("payload").get("reason").asText()).contains("its owner " + engineer, "7 days");
    }

    @Test
    void aLeaversContractorsAreHandedToAnotherSponsorOrLeaveAtTheDeadline() throws Exception {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.person("greta", null);
        String sponsor = catalog.person("jonas", manager);
        String successor = catalog.person("lena", manager);
        Instant ends = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        String welder = catalog.external("Tom (Weld Co)", sponsor, ends);
        String integrator = catalog.external("Ute (Integrator Ltd)", sponsor, ends);

        assertThat(admin().post("/api/identities/" + sponsor + "/departure", "{\"reason\":\"retired\"}").status()).isEqualTo(202);

        MimeMessage asked = new Mailbox(smtp).awaitMail(manager + "@plant.example", "New sponsor needed by");
        assertThat(asked.getSubject()).contains("2 identities of jonas (" + sponsor + ")");
        assertThat(Mailbox.htmlPart(asked)).contains("has left", "sponsored these external people",
                "Tom (Weld Co) (" + welder + ")", "Ute (Integrator Ltd) (" + integrator + ")", "Change sponsorship", "every grant they hold ends")
                .doesNotContain("is suspended");

        assertThat(admin().put("/api/identities/" + welder + "/sponsor", "{\"sponsorId\":\"" + successor + "\",\"endsAt\":\"" + ends + "\"}")
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> successor.equals(admin().get("/api/identities/" + welder).json()
                .path("sponsorId").asText()));

        runTheDeadlineOf(lockoutOf(sponsor));

        await().atMost(Duration.ofSeconds(20)).until(() -> "DEPARTED".equals(status(integrator)));
        assertThat(status(welder)).as("handed to an active sponsor in time").isEqualTo("ACTIVE");
        JsonNode departed = StreamSupport.stream(admin().get("/api/compliance/identities/" + integrator + "/history").json()
                .get("events").spliterator(), false).filter(event -> event.get("type").asText().equals("IdentityDeparted"))
                .findFirst().orElseThrow();
        assertThat(departed.get("payload").get("reason").asText()).contains("their sponsor " + sponsor, "7 days");
    }

    @Test
    void anOwnerReinstatedBeforeTheDeadlineKeepsTheirIdentities() {
        Catalog catalog = new Catalog(admin());
        String owner = catalog.person("rita", null);
        String robot = serviceAccount(catalog, "robot-cell-agent", owner);
        assertThat(admin().post("/api/identities/" + owner + "/compromised", "{\"reason\":\"phished\"}").status()).isEqualTo(202);
        ProcessInstance lockout = lockoutOf(owner);
        assertThat(admin().post("/api/identities/" + owner + "/reinstate", "{\"reason\":\"password reset, device wiped\"}").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(status(owner)));

        runTheDeadlineOf(lockout);

        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceId(lockout.getId()).count() == 0);
        assertThat(status(robot)).isEqualTo("ACTIVE");
    }

    private String serviceAccount(Catalog catalog, String name, String owner) {
        String id = catalog.id(name);
        assertThat(admin().post("/api/identities", "{\"id\":\"" + id + "\",\"kind\":\"SERVICE_ACCOUNT\",\"displayName\":\"" + name
                + "\",\"ownerId\":\"" + owner + "\"}").status()).isEqualTo(202);
        catalog.awaitVisible("/api/identities/" + id);
        return id;
    }

    /** The identity's lockout, once it waits for the hand-over deadline. */
    private ProcessInstance lockoutOf(String identity) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("identity-lockout").variableValueEquals("identityId", identity).activityIdIn("ownerTransferDue")
                .singleResult(), instance -> instance != null);
    }

    /** Fires the deadline's timer now; the step after it runs as a job of its own, which the job executor takes. */
    private void runTheDeadlineOf(ProcessInstance lockout) {
        Job timer = management.createJobQuery().processInstanceId(lockout.getId()).timers().singleResult();
        management.executeJob(timer.getId());
    }

    private String status(String identity) {
        return admin().get("/api/identities/" + identity).json().path("status").asText();
    }
}
