package io.grantline.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail the SMTP server refused waits in the outbox and leaves, once, when the server is back; a mail that cannot be
 * sent at all is done with its reason, not retried.
 */
class MailOutboxTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "outbox-password-1";

    @Autowired
    GreenMail smtp;
    @Autowired
    JavaMailSenderImpl sender;
    @Autowired
    JdbcClient jdbc;

    /** One outbox row as the test reads it. */
    record OutboxRow(String status, int attempts, String lastError, String messageId) {
    }

    @Test
    void aRequestFiledWhileTheSmtpServerIsDownIsMailedOnceItIsBack() throws Exception {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.person("mona", null);
        String requester = catalog.signIn(catalog.person("ralf", manager), PASSWORD);
        String entitlement = catalog.entitlement("press-4-operate", "LOW", manager, "PT8H");
        String key;
        int smtpPort = sender.getPort();
        sender.setPort(closedPort());
        try {
            String requestId = file(requester, entitlement);
            key = "approval/REQUESTED/" + requestId + "/0/" + manager;

            OutboxRow failing = await().atMost(Duration.ofSeconds(20)).until(() -> row(key),
                    row -> row != null && row.attempts() > 0);
            assertThat(failing.status()).isEqualTo("PENDING");
            assertThat(failing.lastError()).as("the SMTP failure is kept on the row").contains("Connection refused");
            assertThat(new Mailbox(smtp).to(manager + "@plant.example", "Approval needed")).isEmpty();
        } finally {
            sender.setPort(smtpPort);
        }

        // back-off after a few failures is a few seconds
        MimeMessage mail = new Mailbox(smtp).awaitMail(manager + "@plant.example", "Approval needed");
        assertThat(Mailbox.approvalToken(mail)).isNotBlank();
        assertThat(row(key).status()).isEqualTo("SENT");
        assertThat(mail.getMessageID()).as("the Message-ID comes from the row, the same on any resend").isEqualTo(row(key).messageId());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> new Mailbox(smtp).to(manager + "@plant.example", "Approval needed").size() == 1);
    }

    @Test
    void anApproverWithoutAnAddressIsNotMailedAndTheRowSaysWhy() {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.id("nomail");
        assertThat(admin().post("/api/identities", "{\"id\":\"" + manager + "\",\"kind\":\"HUMAN\",\"displayName\":\"No Mail\"}")
                .status()).isEqualTo(202);
        catalog.awaitVisible("/api/identities/" + manager);
        String requester = catalog.signIn(catalog.person("rita", manager), PASSWORD);
        String requestId = file(requester, catalog.entitlement("valve-9-operate", "LOW", manager, "PT8H"));

        OutboxRow done = await().atMost(Duration.ofSeconds(20)).until(() -> row("approval/REQUESTED/" + requestId + "/0/" + manager),
                row -> row != null && !row.status().equals("PENDING"));

        assertThat(done.status()).isEqualTo("SKIPPED");
        assertThat(done.lastError()).contains("has no email address");
        assertThat(done.attempts()).as("not a failure").isZero();
    }

    private OutboxRow row(String dedupKey) {
        List<OutboxRow> rows = jdbc.sql("SELECT status, attempts, last_error, message_id FROM mail_outbox WHERE dedup_key = ?")
                .param(dedupKey)
                .query((rs, n) -> new OutboxRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String file(String requester, String entitlement) {
        Api.Response filed = api().as(requester, PASSWORD).post("/api/access-requests",
                "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"Die change\",\"duration\":\"PT1H\"}");
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        return filed.json().get("id").asText();
    }

    /** A port nothing listens on: the SMTP server is down as far as Grantline can tell. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
