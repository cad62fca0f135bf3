package io.grantline.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import io.grantline.infra.GrantlineApplication;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Who may sign in, and with which roles, is read from the event-sourced side (the identity index, written in the
 * command's transaction), never from a read model: with the read-model store down, a role granted counts at the next
 * request, and a compromised identity is refused at its next request.
 */
@Tag("own-application")
class SignInWithoutReadModelsTest {

    private static final String ADMIN_PASSWORD = "no-read-models-admin-password";
    private static final String PASSWORD = "no-read-models-password-1";

    @Test
    void roleChangesAndACompromiseCountWhileTheReadModelStoreIsDown(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext app = start(dataDir)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Api admin = new Api(port).as("admin", ADMIN_PASSWORD);
            Catalog catalog = new Catalog(admin);
            String vera = catalog.signIn(catalog.person("vera", null), PASSWORD);
            Api asVera = new Api(port).as(vera, PASSWORD);
            assertThat(asVera.get("/api/compliance/public-key").status()).as("no role yet").isEqualTo(403);

            // the read-model store stops; reading a read model would now wait for it until its driver gives up
            app.getBean(MongoServer.class).shutdownNow();

            assertThat(admin.put("/api/identities/" + vera + "/roles", "{\"roles\":[\"COMPLIANCE_OFFICER\"]}").status()).isEqualTo(202);
            assertThat(asVera.get("/api/compliance/public-key").status()).as("the role counts at once").isEqualTo(200);

            assertThat(admin.post("/api/identities/" + vera + "/compromised", "{\"reason\":\"password on a sticky note\"}").status())
                    .isEqualTo(202);
            assertThat(asVera.get("/api/compliance/public-key").status()).as("refused at her very next request").isEqualTo(401);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(GrantlineApplication.class).run(
                "--server.port=0",
                "--grantline.data-dir=" + dataDir.toAbsolutePath(),
                "--grantline.embedded.mongo-in-memory=true",
                "--grantline.security.bcrypt-strength=4",
                "--grantline.security.admin-password=" + ADMIN_PASSWORD,
                "--camunda.bpm.process-engine-name=no-read-models",
                "--camunda.bpm.job-execution.enabled=false");
    }
}
