package io.grantline.workflow.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailPayload;
import io.grantline.workflow.mail.MailRenderer;
import io.grantline.workflow.mail.Rendering;
import io.grantline.workflow.words.PlainWords;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Writes the "break-glass access given" notice to security and the owner when it is sent. */
@Component
class BreakGlassMailRenderer implements MailRenderer {

    private final RequestFacts facts;

    BreakGlassMailRenderer(RequestFacts facts) {
        this.facts = facts;
    }

    @Override
    public String kind() {
        return BreakGlassMails.KIND;
    }

    @Override
    public Rendering render(MailPayload payload) {
        AccessRequestId requestId = AccessRequestId.of(payload.get("requestId"));
        IdentityId recipientId = IdentityId.of(payload.get("recipientId"));
        Optional<AccessRequestSummary> found = facts.request(requestId);
        if (found.isEmpty() || found.get().grantId() == null) {
            return new Rendering.NotYet("break-glass grant of request " + requestId.value());
        }
        Optional<IdentitySummary> recipient = facts.identity(recipientId);
        if (recipient.isEmpty()) {
            return new Rendering.NotYet("identity " + recipientId.value());
        }
        if (recipient.get().email() == null) {
            return new Rendering.Skip(recipientId.value() + " has no email address for the break-glass notice of " + requestId.value());
        }
        AccessRequestSummary request = found.get();
        String what = facts.access(request.entitlementId());
        String requester = facts.name(request.requesterId());
        String beneficiary = request.beneficiaryId().equals(request.requesterId()) ? requester : facts.name(request.beneficiaryId());
        Duration lasting = request.grantAtMost();
        String reviewers = request.policy().stages().stream().map(PlainWords::stage).collect(Collectors.joining(", then "));
        String ticket = request.ticket() == null ? "-" : request.ticket();
        String text = """
                %s used break-glass: %s was given at once to %s, for %s at most (request %s).

                Justification: %s
                Ticket: %s

                It is reviewed now by: %s. A rejection revokes it at once.
                """.formatted(requester, what, beneficiary, PlainWords.duration(lasting), requestId.value(), request.justification(),
                ticket, reviewers);
        String html = """
                <p><strong>%s</strong> used break-glass: <strong>%s</strong> was given at once to %s, for %s at most (request %s).</p>
                <p>Justification: %s<br>Ticket: %s</p>
                <p>It is reviewed now by: %s. A rejection revokes it at once.</p>
                """.formatted(Html.escape(requester), Html.escape(what), Html.escape(beneficiary), PlainWords.duration(lasting),
                Html.escape(requestId.value()), Html.escape(request.justification()), Html.escape(ticket), Html.escape(reviewers));
        return new Rendering.Ready(new Mail(recipient.get().email(), "Break-glass access given: " + what + " for " + beneficiary,
                text, html));
    }
}
