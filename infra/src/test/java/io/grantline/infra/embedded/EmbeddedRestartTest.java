package io.grantline.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.GrantlineApplication;
import io.grantline.infra.support.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded defaults keep everything under the data directory: a restarted Grantline still knows its catalog,
 * and its read models come back from the file store rather than from a replay.
 */
@Tag("own-application")
class EmbeddedRestartTest {

    private static final String PASSWORD = "restart-admin-password";

    @Test
    void theCatalogSurvivesARestart(@TempDir Path dataDir) {
        String person;
        long events;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api admin = api(first);
            person = "restart-olga";
            assertThat(admin.post("/api/identities", """
                    {"id":"%s","kind":"HUMAN","displayName":"Olga","email":"olga@plant.example"}""".formatted(person)).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/identities/" + person).status() == 200);
            events = countEvents(first);
        }
        assertThat(dataDir.resolve("grantline.mv.db")).exists();
        assertThat(dataDir.resolve("read-models.mv")).exists();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api admin = api(second);
            Api.Response again = admin.get("/api/identities/" + person);
            assertThat(again.status()).as("read model kept across the restart").isEqualTo(200);
            assertThat(again.json().get("displayName").asText()).isEqualTo("Olga");
            assertThat(countEvents(second)).isEqualTo(events);
            assertThat(admin.post("/api/identities", """
                    {"id":"%s","kind":"HUMAN","displayName":"Olga again"}""".formatted(person)).status()).isEqualTo(409);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void withoutAConfiguredPasswordOneIsGeneratedLoggedOnceAndKept(@TempDir Path dataDir, CapturedOutput output) {
        String generated;
        try (ConfigurableApplicationContext first = start(dataDir, null)) {
            Matcher logged = Pattern.compile("Generated password for administrator 'admin': (\\S+)").matcher(output.getAll());
            assertThat(logged.find()).as("the generated password is logged").isTrue();
            generated = logged.group(1);
            assertThat(new Api(port(first)).as("admin", generated).get("/api/entitlements").status()).isEqualTo(200);
        }
        int loggedBefore = output.getAll().split("Generated password").length;

        try (ConfigurableApplicationContext second = start(dataDir, null)) {
            assertThat(output.getAll().split("Generated password").length).as("logged once only").isEqualTo(loggedBefore);
            assertThat(new Api(port(second)).as("admin", generated).get("/api/entitlements").status()).isEqualTo(200);
        }
    }

    @Test
    void anEngineTablePrefixIsRefusedAtStartSayingWhy(@TempDir Path dataDir) {
        assertThatThrownBy(() -> start(dataDir, PASSWORD, "--camunda.bpm.database.table-prefix=camunda."))
                .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("camunda.bpm.database.table-prefix is 'camunda.'")
                        .hasMessageContaining("default names"));
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return start(dataDir, PASSWORD);
    }

    private static ConfigurableApplicationContext start(Path dataDir, String adminPassword, String... more) {
        // command-line arguments, as an operator would pass them: they win over application.yaml
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--grantline.data-dir=" + dataDir.toAbsolutePath(),
                "--grantline.security.bcrypt-strength=4",
                "--camunda.bpm.process-engine-name=restart" + Math.abs(dataDir.getFileName().toString().hashCode()),
                "--camunda.bpm.job-execution.enabled=false"));
        if (adminPassword != null) {
            args.add("--grantline.security.admin-password=" + adminPassword);
        }
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(GrantlineApplication.class).run(args.toArray(String[]::new));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(port(context)).as("admin", PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static long countEvents(ConfigurableApplicationContext context) {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }
}
