package io.grantline.workflow.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.workflow.mail.MailOutbox;
import io.grantline.workflow.mail.MailPayload;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * The notice that break-glass access was given: queued in the grant's transaction, one per recipient, holding ids only;
 * {@link BreakGlassMailRenderer} writes the facts when it is sent.
 */
@Component
class BreakGlassMails {

    static final String KIND = "break-glass";

    private final MailOutbox outbox;

    BreakGlassMails(MailOutbox outbox) {
        this.outbox = outbox;
    }

    void granted(AccessRequestId requestId, Collection<IdentityId> recipients) {
        for (IdentityId recipient : recipients) {
            // one notice per request and recipient, however often the step runs
            outbox.enqueue("break-glass/granted/" + requestId.value() + "/" + recipient.value(), KIND,
                    MailPayload.of("requestId", requestId.value(), "recipientId", recipient.value()));
        }
    }
}
