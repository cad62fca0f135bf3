package io.grantline.workflow.request;

import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.RejectionReason;
import io.grantline.workflow.mail.MailOutbox;
import io.grantline.workflow.mail.MailPayload;
import org.springframework.stereotype.Component;

/**
 * The mail a requester gets when their request ends without a grant: queued with the request's id and the reason;
 * {@link RejectionMailRenderer} says why in plain words when it is sent.
 */
@Component
class RequesterMails {

    static final String KIND = "rejection";

    private final MailOutbox outbox;

    RequesterMails(MailOutbox outbox) {
        this.outbox = outbox;
    }

    void rejected(AccessRequestId requestId, RejectionReason reason) {
        // a request ends once: one mail per request
        outbox.enqueue("rejection/" + requestId.value(), KIND, MailPayload.of("requestId", requestId.value(), "reason", reason));
    }
}
