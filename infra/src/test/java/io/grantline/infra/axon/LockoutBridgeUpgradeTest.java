package io.grantline.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.GrantlineApplication;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.workflow.bridge.LockoutBridge;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.serialization.Serializer;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database from before the lockout bridge existed: its compromises were locked out by the process bridge, and an
 * identity compromised, reinstated and granted access again since must keep that access when the new version starts.
 * The lockout bridge's first position is the process bridge's, so it does not read the old compromise again (read
 * from the start, it did: the grant ended COMPROMISED at the upgrade, seen by hand on PostgreSQL).
 */
@Tag("own-application")
class LockoutBridgeUpgradeTest {

    private static final String ADMIN_PASSWORD = "lockout-upgrade-admin-password";
    private static final String PASSWORD = "lockout-upgrade-password-1";

    @TempDir
    Path dataDir;

    @Test
    void anOldCompromiseIsNotLockedOutAgainAfterTheUpgrade() {
        String holder;
        try (ConfigurableApplicationContext before = start()) {
            Api admin = admin(before);
            Catalog catalog = new Catalog(admin);
            String manager = catalog.signIn(catalog.person("mara", null), PASSWORD);
            holder = catalog.signIn(catalog.person("rita", manager), PASSWORD);
            String entitlement = catalog.entitlement("upgrade-hmi", "LOW", manager, "PT8H");
            assertThat(admin.post("/api/identities/" + holder + "/compromised", "{\"reason\":\"phished\"}").status()).isEqualTo(202);
            HistoryService history = before.getBean(HistoryService.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey("identity-lockout").finished().count() == 1);
            assertThat(admin.post("/api/identities/" + holder + "/reinstate", "{\"reason\":\"new credentials issued\"}").status())
                    .isEqualTo(202);
            assertThat(new Api(port(before)).as(holder, PASSWORD).post("/api/access-requests",
                    "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"back at work\"}").status()).isEqualTo(202);
            Api asManager = new Api(port(before)).as(manager, PASSWORD);
            await().atMost(Duration.ofSeconds(20)).until(() -> asManager.get("/api/approvals/inbox").json().size() == 1);
            String taskId = asManager.get("/api/approvals/inbox").json().get(0).get("taskId").asText();
            assertThat(asManager.post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> activeGrants(admin, holder) == 1);

            // as the database looked before this version: no lockout bridge yet, and the compromise locked out by the
            // process bridge directly (no lockout process to find)
            history.createHistoricProcessInstanceQuery().processDefinitionKey("identity-lockout").list()
                    .forEach(lockout -> history.deleteHistoricProcessInstance(lockout.getId()));
            before.getBean(JdbcClient.class).sql("DELETE FROM tokenentry WHERE processorname = ?").param(LockoutBridge.PROCESSING_GROUP)
                    .update();
        }

        try (ConfigurableApplicationContext after = start()) {
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            Serializer serializer = after.getBean(Serializer.class);
            long head = jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry").query(Long.class).single();
            await().atMost(Duration.ofSeconds(20)).until(() -> LockoutBridgeStart.positionOf(LockoutBridge.PROCESSING_GROUP, jdbc, serializer)
                    .map(token -> token.position().orElse(-1) >= head).orElse(false));

            assertThat(after.getBean(HistoryService.class).createHistoricProcessInstanceQuery().processDefinitionKey("identity-lockout")
                    .count()).as("the old compromise is not locked out again").isZero();
            assertThat(activeGrants(admin(after), holder)).as("the access granted after the reinstatement").isEqualTo(1);
        }
    }

    private static int activeGrants(Api admin, String identityId) {
        return admin.get("/api/grants?identityId=" + identityId + "&status=ACTIVE").json().size();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GrantlineApplication.class).run(
                "--server.port=0",
                "--grantline.data-dir=" + dataDir.toAbsolutePath(),
                "--grantline.security.bcrypt-strength=4",
                "--grantline.security.admin-password=" + ADMIN_PASSWORD,
                "--camunda.bpm.process-engine-name=lockout-upgrade");
    }

    private static Api admin(ConfigurableApplicationContext context) {
        return new Api(port(context)).as("admin", ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
