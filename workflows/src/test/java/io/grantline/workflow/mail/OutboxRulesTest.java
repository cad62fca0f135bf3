package io.grantline.workflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's two rules that need no server: how long a failed mail waits, and which Message-ID it carries. */
class OutboxRulesTest {

    private static final Duration CAP = Duration.ofMinutes(5);

    @Test
    void aFailedMailWaitsTwiceAsLongAfterEachAttemptUpToTheCap() {
        assertThat(MailOutboxDispatcher.backOff(1, CAP)).isEqualTo(Duration.ofSeconds(2));
        assertThat(MailOutboxDispatcher.backOff(3, CAP)).isEqualTo(Duration.ofSeconds(8));
        assertThat(MailOutboxDispatcher.backOff(9, CAP)).isEqualTo(CAP);
        assertThat(MailOutboxDispatcher.backOff(1000, CAP)).as("an SMTP server down for days").isEqualTo(CAP);
    }

    @Test
    void everySendOfOneMailCarriesTheSameMessageIdAndAnotherMailAnother() {
        String key = "approval/REQUESTED/r-1/0/max";

        assertThat(OutboxTable.messageId(key)).isEqualTo(OutboxTable.messageId(key)).matches("<[0-9a-f]{40}\\.outbox@grantline>");
        assertThat(OutboxTable.messageId(key)).isNotEqualTo(OutboxTable.messageId("approval/REQUESTED/r-1/0/mia"));
    }
}
