package io.grantline.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.ChildApplication;
import io.grantline.infra.support.Mailbox;
import io.grantline.infra.support.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: Grantline killed ({@code kill -9}) during a burst of filings on PostgreSQL leaves, once it is
 * started again, no approval stage without its mail, and no stage mailed twice with different mails. The application
 * runs in a child JVM; the SMTP server is the test's, so the mailbox outlives the crash.
 */
@Tag("own-application")
class MailSurvivesACrashTest {

    private static final String ADMIN_PASSWORD = "crash-admin-password";
    private static final String PASSWORD = "crash-password-1";
    private static final int FILINGS = 60;
    private static final int KILL_AFTER = 25;
    private static final int STAGES_BEFORE_KILL = 5;

    @Test
    void aJvmKilledDuringABurstOfFilingsLeavesNoOpenStageWithoutItsMail(@TempDir Path dataDir) throws Exception {
        String adminUrl = System.getenv(TestDatabase.POSTGRES_URL_VARIABLE);
        if (adminUrl == null) {
            System.out.println("Skipping the crash test: it needs PostgreSQL through " + TestDatabase.POSTGRES_URL_VARIABLE
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        }
        assumeTrue(adminUrl != null, "no " + TestDatabase.POSTGRES_URL_VARIABLE);
        String database = "grantline_crash_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        String url = TestDatabase.createDatabase(adminUrl, database);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Path log = Path.of("target", database + ".log").toAbsolutePath();
        List<String> arguments = List.of("--spring.datasource.url=" + url, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--grantline.data-dir=" + dataDir.toAbsolutePath(),
                "--grantline.embedded.mongo-in-memory=true", "--grantline.security.bcrypt-strength=4",
                "--grantline.security.admin-password=" + ADMIN_PASSWORD,
                // what the dead JVM held is taken over within seconds, not after the production defaults
                "--grantline.mail.outbox.lease=PT5S", "--camunda.bpm.job-execution.lock-time-in-millis=10000");
        try {
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            String manager;
            try (ChildApplication first = ChildApplication.start(arguments, log)) {
                Catalog catalog = new Catalog(admin(first));
                manager = catalog.person("mia", null);
                String requester = catalog.signIn(catalog.person("rex", manager), PASSWORD);
                String entitlement = catalog.entitlement("kiln-2-operate", "LOW", manager, "PT8H");
                burstThenKill(first, url, requester, entitlement, accepted);
            }
            assertThat(accepted).as("filings answered 202 before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER);
            // what the crash left in flight, so a reader of the output sees the test met the window it is about
            System.out.printf("Crash test: at the kill, %d requests stored, %d stages open, %d mails unsent%n",
                    requestsIn(url, "AccessRequested").size(), requestsIn(url, "ApprovalStageOpened").size(), unsent(url));

            try (ChildApplication second = ChildApplication.start(arguments, log)) {
                Set<String> requested = requestsIn(url, "AccessRequested");
                assertThat(requested).as("every 202 is a stored request").containsAll(accepted);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(requestsIn(url, "ApprovalStageOpened")).as("every stored request reaches its stage").isEqualTo(requested));
                String to = manager + "@plant.example";
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(messageIdsByRequest(smtp, to).keySet()).as("a mail for each open stage").containsAll(requested));
                Map<String, Set<String>> mails = messageIdsByRequest(smtp, to);
                System.out.printf("Crash test: %d filings accepted before the kill, %d stored, %d mails received for %d stages%n",
                        accepted.size(), requested.size(), new Mailbox(smtp).to(to, "Approval needed").size(), mails.size());
                assertThat(mails.values()).as("no stage got two different mails").allSatisfy(ids -> assertThat(ids).hasSize(1));
            }
        } finally {
            smtp.stop();
            TestDatabase.dropDatabase(adminUrl, database);
        }
    }

    /**
     * Files {@value #FILINGS} requests from several threads and kills the JVM once {@value #KILL_AFTER} were accepted
     * and stages have begun to open: the moment when stages commit and their mail is on its way.
     */
    private static void burstThenKill(ChildApplication app, String url, String requester, String entitlement, Set<String> accepted)
            throws InterruptedException {
        Api api = new Api(app.port()).as(requester, PASSWORD);
        CountDownLatch enough = new CountDownLatch(KILL_AFTER);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int i = 0; i < FILINGS; i++) {
            clients.submit(() -> {
                try {
                    Api.Response filed = api.post("/api/access-requests",
                            "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"Burner tuning\",\"duration\":\"PT1H\"}");
                    if (filed.status() == 202) {
                        accepted.add(filed.json().get("id").asText());
                        enough.countDown();
                    }
                } catch (RuntimeException killed) {
                    // the JVM died under this request: its answer never came
                }
            });
        }
        assertThat(enough.await(120, TimeUnit.SECONDS)).as("%d filings accepted", KILL_AFTER).isTrue();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> requestsIn(url, "ApprovalStageOpened").size() >= STAGES_BEFORE_KILL);
        app.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private static Api admin(ChildApplication app) {
        return new Api(app.port()).as("admin", ADMIN_PASSWORD);
    }

    /** The requests that have an event of {@code type} in the event store. */
    private static Set<String> requestsIn(String url, String type) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry WHERE payloadType LIKE '%."
                     + type + "'")) {
            while (rows.next()) {
                ids.add(rows.getString(1).replaceFirst("^request:", ""));
            }
        }
        return ids;
    }

    private static long unsent(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The distinct Message-IDs of the approval mails to {@code to}, by the request their link answers. */
    private static Map<String, Set<String>> messageIdsByRequest(GreenMail smtp, String to) throws Exception {
        Map<String, Set<String>> byRequest = new HashMap<>();
        for (MimeMessage mail : new ArrayList<>(new Mailbox(smtp).to(to, "Approval needed"))) {
            // the link's token carries requestId|stageIndex|approverId|expiresAt in the clear, signed
            String token = Mailbox.approvalToken(mail);
            String[] link = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8)
                    .split("\\|");
            assertThat(link[1]).as("the first and only stage").isEqualTo("0");
            byRequest.computeIfAbsent(link[0], id -> new HashSet<>()).add(mail.getMessageID());
        }
        return byRequest;
    }
}
