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

/** A process step's mail leaves only when the step commits: a step that rolls back sends nothing. */
class MailAfterCommitTest extends GrantlineIntegrationTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    GreenMail smtp;

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

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> new Mailbox(smtp).to("probe@plant.example", subject).isEmpty());
    }
}
