package io.grantline.infra.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.Mailbox;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process step's mail is a row in the outbox, written in the step's transaction: it leaves once the step commits, a
 * step that rolls back leaves no row and sends nothing, and one mail queued twice is sent once.
 */
class MailAfterCommitTest extends GrantlineIntegrationTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    GreenMail smtp;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStepThatCommitsSendsItsMail() {
        String subject = "committed " + UUID.randomUUID();

        runtime.startProcessInstanceByKey("mail-probe", Map.of("subject", subject, "fail", false));

        new Mailbox(smtp).awaitMail("probe@plant.example", subject);
    }

    @Test
    void aStepThatRollsBackSendsNothing() {
        String subject = "rolled back " + UUID.randomUUID();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("mail-probe", Map.of("subject", subject, "fail", true)))
                .hasMessageContaining("failed after it mailed");

        assertThat(queued("probe/" + subject)).as("no outbox row").isZero();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> new Mailbox(smtp).to("probe@plant.example", subject).isEmpty());
    }

    @Test
    void aStepThatQueuesTheSameMailTwiceSendsItOnce() {
        String subject = "twice " + UUID.randomUUID();

        runtime.startProcessInstanceByKey("mail-probe", Map.of("subject", subject, "fail", false, "times", 2));

        new Mailbox(smtp).awaitMail("probe@plant.example", subject);
        assertThat(queued("probe/" + subject)).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> new Mailbox(smtp).to("probe@plant.example", subject).size() == 1);
    }

    private long queued(String dedupKey) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE dedup_key = ?").param(dedupKey).query(Long.class).single();
    }
}
