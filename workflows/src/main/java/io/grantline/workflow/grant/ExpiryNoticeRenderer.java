package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailPayload;
import io.grantline.workflow.mail.MailRenderer;
import io.grantline.workflow.mail.Rendering;
import io.grantline.workflow.request.RequestFacts;
import io.grantline.workflow.words.PlainWords;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Writes the "access ends soon" notice when it is sent, to the holder, or a non-human holder's owner. */
@Component
class ExpiryNoticeRenderer implements MailRenderer {

    static final String KIND = "expiry-notice";

    private final GrantFacts grants;
    private final RequestFacts facts;
    private final PlainWords words;

    ExpiryNoticeRenderer(GrantFacts grants, RequestFacts facts, PlainWords words) {
        this.grants = grants;
        this.facts = facts;
        this.words = words;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Rendering render(MailPayload payload) {
        Optional<GrantSummary> found = grants.find(GrantId.of(payload.get("grantId")));
        if (found.isEmpty()) {
            return new Rendering.NotYet("grant " + payload.get("grantId"));
        }
        GrantSummary grant = found.get();
        Optional<IdentitySummary> holder = facts.identity(grant.identityId());
        Optional<IdentitySummary> told = holder.flatMap(h -> h.ownerId() == null ? Optional.of(h) : facts.identity(h.ownerId()));
        if (told.isEmpty()) {
            return new Rendering.NotYet("the holder of grant " + grant.id().value() + " or its owner");
        }
        if (told.get().email() == null) {
            return new Rendering.Skip(told.get().id().value() + " has no email address for the expiry notice of grant "
                    + grant.id().value());
        }
        String what = grant.resource() == null ? grant.entitlementId().value() : grant.resource();
        String subject = "Access ends soon: " + what + " for " + grant.identityId().value();
        String text = "The grant of %s (%s) to %s ends at %s. If the work is not done, ask for more time before then (\"Ask for more"
                + " time\" on the grants page, or a request naming this grant, %s)."
                .formatted(what, grant.entitlementId().value(), grant.identityId().value(),
                        words.instant(grant.validUntil()) + " (" + words.zone().getId() + ")", grant.id().value());
        return new Rendering.Ready(new Mail(told.get().email(), subject, text, "<p>" + Html.escape(text) + "</p>"));
    }
}
