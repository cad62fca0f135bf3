package io.grantline.workflow.request;

import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.RejectionReason;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailPayload;
import io.grantline.workflow.mail.MailRenderer;
import io.grantline.workflow.mail.Rendering;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Writes the requester's "not granted" mail when it is sent, saying why in plain words. */
@Component
class RejectionMailRenderer implements MailRenderer {

    private final RequestFacts facts;

    RejectionMailRenderer(RequestFacts facts) {
        this.facts = facts;
    }

    @Override
    public String kind() {
        return RequesterMails.KIND;
    }

    @Override
    public Rendering render(MailPayload payload) {
        AccessRequestId requestId = AccessRequestId.of(payload.get("requestId"));
        Optional<AccessRequestSummary> found = facts.request(requestId);
        if (found.isEmpty()) {
            return new Rendering.NotYet("request " + requestId.value());
        }
        AccessRequestSummary request = found.get();
        Optional<IdentitySummary> requester = facts.identity(request.requesterId());
        if (requester.isEmpty()) {
            return new Rendering.NotYet("identity " + request.requesterId().value());
        }
        if (requester.get().email() == null) {
            return new Rendering.Skip("requester " + request.requesterId().value() + " of rejected request " + requestId.value()
                    + " has no email address");
        }
        String what = facts.access(request.entitlementId());
        String reason = payload.get("reason");
        String why = why(reason == null ? null : RejectionReason.valueOf(reason));
        boolean rejectedInReview = "APPROVER_REJECTED".equals(reason) || "NO_APPROVER".equals(reason);
        if (request.breakGlass() && request.grantId() != null && rejectedInReview) {
            // a break-glass grant whose review rejected it (or found nobody to review it): it was given, and is revoked now
            return revoked(requester.get(), request, what, why);
        }
        String text = """
                Your request %s for %s was not granted.

                Why: %s
                Justification you gave: %s
                """.formatted(requestId.value(), what, why, request.justification());
        String html = """
                <p>Your request %s for <strong>%s</strong> was not granted.</p>
                <p>Why: %s<br>Justification you gave: %s</p>
                """.formatted(Html.escape(requestId.value()), Html.escape(what), Html.escape(why), Html.escape(request.justification()));
        return new Rendering.Ready(new Mail(requester.get().email(), "Not granted: " + what, text, html));
    }

    private static Rendering revoked(IdentitySummary requester, AccessRequestSummary request, String what, String why) {
        String text = """
                The break-glass access of request %s to %s was rejected in review: it is revoked (if it had not ended already).

                Why: %s
                Justification you gave: %s
                """.formatted(request.id().value(), what, why, request.justification());
        String html = """
                <p>The break-glass access of request %s to <strong>%s</strong> was rejected in review: it is revoked (if it had not ended already).</p>
                <p>Why: %s<br>Justification you gave: %s</p>
                """.formatted(Html.escape(request.id().value()), Html.escape(what), Html.escape(why), Html.escape(request.justification()));
        return new Rendering.Ready(new Mail(requester.email(), "Break-glass access rejected in review: " + what, text, html));
    }

    private static String why(RejectionReason reason) {
        if (reason == null) {
            return "the request was rejected.";
        }
        return switch (reason) {
            case APPROVER_REJECTED -> "an approver or reviewer rejected it.";
            case NO_APPROVER -> "nobody else could decide one of its approval stages.";
            case SOD_CONFLICT -> "the access conflicts with access already held (separation of duties).";
            case ENTITLEMENT_RETIRED -> "the entitlement was retired before access could start.";
            case BENEFICIARY_INACTIVE -> "the identity the access was for is no longer active.";
            case BREAK_GLASS_LIMIT -> "break-glass was used for this identity as often as this site allows already; ask for"
                    + " access the usual way.";
            case GRANT_ENDED -> "the access it was to extend had ended before the extension was approved; file a new request"
                    + " to have it again.";
        };
    }
}
