package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantId;
import io.grantline.workflow.mail.MailOutbox;
import io.grantline.workflow.mail.MailPayload;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Queues the notice that a grant is about to end; {@link ExpiryNoticeRenderer} writes it to the beneficiary (for a
 * non-human identity, its owner) when it is sent.
 */
@Component("sendExpiryNotice")
class SendExpiryNoticeDelegate implements JavaDelegate {

    private final MailOutbox outbox;
    private final GrantFacts grants;

    SendExpiryNoticeDelegate(MailOutbox outbox, GrantFacts grants) {
        this.outbox = outbox;
        this.grants = grants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String grantId = (String) execution.getVariable("grantId");
        // one notice per end date: an extended grant is told again about its new end, and not about the old one
        Object validUntil = execution.getVariable("validUntil");
        boolean endStillAhead = grants.find(GrantId.of(grantId)).map(grant -> grant.validUntil().toString().equals(validUntil))
                .orElse(false);
        if (!endStillAhead) {
            return;
        }
        outbox.enqueue("expiry-notice/" + grantId + "/" + validUntil, ExpiryNoticeRenderer.KIND, MailPayload.of("grantId", grantId));
    }
}
