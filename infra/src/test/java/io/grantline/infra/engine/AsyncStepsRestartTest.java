package io.grantline.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.grantline.infra.GrantlineApplication;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.Requests;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Process steps are jobs that survive a restart: requests filed, or approved, while no job ran (the application stopped
 * in the middle of its async steps) each reach their next state exactly once after the restart: one open stage and one
 * mail per stage, one grant per approved request. The mail server is this test's own, so no mail is lost with the
 * application.
 */
@Tag("own-application")
class AsyncStepsRestartTest {

    private static final String ADMIN_PASSWORD = "async-restart-admin-password";
    private static final String PASSWORD = "async-restart-password-1";
    private static final int REQUESTS = 8;

    @TempDir
    Path dataDir;

    private GreenMail smtp;

    @BeforeEach
    void startTheMailServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopTheMailServer() {
        smtp.stop();
    }

    @Test
    void stepsLeftWaitingByAStopRunOnceAfterTheRestart() {
        String manager;
        String requester;
        List<String> requestIds = new ArrayList<>();
        try (ConfigurableApplicationContext stopped = start(false)) {
            Api admin = admin(stopped);
            Catalog catalog = new Catalog(admin);
            manager = catalog.signIn(catalog.person("mona", null), PASSWORD);
            requester = catalog.signIn(catalog.person("rick", manager), PASSWORD);
            String entitlement = catalog.entitlement("restart-hmi", "LOW", manager, "PT8H");
            Api asRequester = new Api(port(stopped)).as(requester, PASSWORD);
            for (int i = 0; i < REQUESTS; i++) {
                Api.Response filed = asRequester.post("/api/access-requests",
                        "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"shift " + i + "\"}");
                assertThat(filed.status()).isEqualTo(202);
                requestIds.add(filed.json().get("id").asText());
            }
            ManagementService management = stopped.getBean(ManagementService.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> management.createJobQuery().activityId("checkSeparationOfDuties").count()
                    >= REQUESTS);
            assertThat(approvalMails(manager)).as("no step ran: no stage, no mail").isEmpty();
            // half of them as a version before DueJobAcquisition left its jobs: without a due date
            JdbcClient jdbc = stopped.getBean(JdbcClient.class);
            management.createJobQuery().activityId("checkSeparationOfDuties").listPage(0, REQUESTS / 2).forEach(job ->
                    assertThat(jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?").param(job.getId()).update()).isEqualTo(1));
        }

        try (ConfigurableApplicationContext running = start(true)) {
            Requests requests = new Requests(admin(running));
            await().atMost(Duration.ofSeconds(30)).until(() -> approvalMails(manager).size() >= REQUESTS);
            for (String id : requestIds) {
                assertThat(requests.get(id).at("/stages/0/approverIds").toString()).contains(manager);
            }
        }
        assertThat(countByRequest(approvalMails(manager))).as("one mail per request's stage").hasSize(REQUESTS)
                .allSatisfy((request, mails) -> assertThat(mails).isEqualTo(1L));

        try (ConfigurableApplicationContext stopped = start(false)) {
            Api asManager = new Api(port(stopped)).as(manager, PASSWORD);
            await().atMost(Duration.ofSeconds(20)).until(() -> asManager.get("/api/approvals/inbox").json().size() >= REQUESTS);
            asManager.get("/api/approvals/inbox").json().forEach(task -> assertThat(asManager.post(
                    "/api/approvals/" + task.get("taskId").asText() + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202));
            ManagementService management = stopped.getBean(ManagementService.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> management.createJobQuery().activityId("grantAccess").count() >= REQUESTS);
            assertThat(events(stopped, "AccessGranted")).as("approved, not granted yet").isZero();
        }

        try (ConfigurableApplicationContext running = start(true)) {
            Requests requests = new Requests(admin(running));
            for (String id : requestIds) {
                assertThat(requests.awaitStatus(id, "APPROVED").get("grantId")).isNotNull();
            }
            Api admin = admin(running);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/grants?identityId=" + requester + "&status=ACTIVE").json().size()
                    >= REQUESTS);
            assertThat(events(running, "AccessGranted")).as("one grant per approved request").isEqualTo(REQUESTS);
            assertThat(admin.get("/api/grants?identityId=" + requester).json().size()).isEqualTo(REQUESTS);
        }
        assertThat(countByRequest(approvalMails(manager))).as("still one mail per stage").hasSize(REQUESTS)
                .allSatisfy((request, mails) -> assertThat(mails).isEqualTo(1L));
    }

    private List<MimeMessage> approvalMails(String identityId) {
        return List.of(smtp.getReceivedMessagesForDomain(identityId + "@plant.example")).stream()
                .filter(mail -> subject(mail).startsWith("Approval needed")).toList();
    }

    /** Mails counted by the request their link answers (the justification names it: "shift N"). */
    private static Map<String, Long> countByRequest(List<MimeMessage> mails) {
        return mails.stream().map(AsyncStepsRestartTest::body).map(body -> body.replaceAll("(?s).*Justification: (shift \\d+).*", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
    }

    private static long events(ConfigurableApplicationContext context, String type) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = ?")
                .param("io.grantline.api.grant." + type).query(Long.class).single();
    }

    private ConfigurableApplicationContext start(boolean jobsRun) {
        return new SpringApplicationBuilder(GrantlineApplication.class).run(
                "--server.port=0",
                "--grantline.data-dir=" + dataDir.toAbsolutePath(),
                "--grantline.security.bcrypt-strength=4",
                "--grantline.security.admin-password=" + ADMIN_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--camunda.bpm.process-engine-name=async-restart",
                "--camunda.bpm.job-execution.enabled=" + jobsRun);
    }

    private static Api admin(ConfigurableApplicationContext context) {
        return new Api(port(context)).as("admin", ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
