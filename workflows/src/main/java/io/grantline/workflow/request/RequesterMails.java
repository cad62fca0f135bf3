package io.grantline.workflow.request;

import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.RejectionReason;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.ProcessMail;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The mail a requester gets when their request ends without a grant, saying why in plain words. */
@Component
class RequesterMails {

    private static final Logger log = LoggerFactory.getLogger(RequesterMails.class);

    private final RequestFacts facts;
    private final ProcessMail mail;

    RequesterMails(RequestFacts facts, ProcessMail mail) {
        this.facts = facts;
        this.mail = mail;
    }

    void rejected(AccessRequestId requestId, RejectionReason reason) {
        AccessRequestSummary request = facts.request(requestId);
        Optional<String> email = facts.identity(request.requesterId()).map(IdentitySummary::email);
        if (email.isEmpty()) {
            log.warn("Requester {} of rejected request {} has no email address", request.requesterId().value(), requestId.value());
            return;
        }
        String what = facts.entitlement(request.entitlementId()).map(EntitlementSummary::resource)
                .map(resource -> resource + " (" + request.entitlementId().value() + ")").orElse(request.entitlementId().value());
        String why = why(reason);
        String subject = "Not granted: " + what;
        String text = """
                Your request %s for %s was not granted.

                Why: %s
                Justification you gave: %s
                """.formatted(requestId.value(), what, why, request.justification());
        String html = """
                <p>Your request %s for <strong>%s</strong> was not granted.</p>
                <p>Why: %s<br>Justification you gave: %s</p>
                """.formatted(Html.escape(requestId.value()), Html.escape(what), Html.escape(why), Html.escape(request.justification()));
        mail.sendAfterCommit(new ProcessMail.Mail(email.get(), subject, text, html));
    }

    private static String why(RejectionReason reason) {
        if (reason == null) {
            return "the request was rejected.";
        }
        return switch (reason) {
            case APPROVER_REJECTED -> "an approver rejected it.";
            case NO_APPROVER -> "nobody else could decide one of its approval stages.";
            case SOD_CONFLICT -> "the access conflicts with access already held (separation of duties).";
            case ENTITLEMENT_RETIRED -> "the entitlement was retired before access could start.";
            case BENEFICIARY_INACTIVE -> "the identity the access was for is no longer active.";
        };
    }
}
