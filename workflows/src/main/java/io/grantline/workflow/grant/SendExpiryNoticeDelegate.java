package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.ProcessMail;
import io.grantline.workflow.words.PlainWords;
import io.grantline.workflow.request.RequestFacts;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the beneficiary (for a non-human identity, its owner) that a grant is about to end. */
@Component("sendExpiryNotice")
class SendExpiryNoticeDelegate implements JavaDelegate {

    private final GrantFacts grants;
    private final RequestFacts facts;
    private final ProcessMail mail;

    private final PlainWords words;

    SendExpiryNoticeDelegate(GrantFacts grants, RequestFacts facts, ProcessMail mail, PlainWords words) {
        this.grants = grants;
        this.facts = facts;
        this.mail = mail;
        this.words = words;
    }

    @Override
    public void execute(DelegateExecution execution) {
        GrantSummary grant = grants.grant(GrantId.of((String) execution.getVariable("grantId")));
        Optional<IdentitySummary> holder = facts.identity(grant.identityId());
        Optional<IdentitySummary> told = holder.flatMap(h -> h.ownerId() == null ? Optional.of(h) : facts.identity(h.ownerId()));
        if (told.isEmpty() || told.get().email() == null) {
            return;
        }
        String what = grant.resource() == null ? grant.entitlementId().value() : grant.resource();
        String subject = "Access ends soon: " + what + " for " + grant.identityId().value();
        String text = "The grant of %s (%s) to %s ends at %s. File a new request if the work is not done."
                .formatted(what, grant.entitlementId().value(), grant.identityId().value(),
                        words.instant(grant.validUntil()) + " (" + words.zone().getId() + ")");
        mail.sendAfterCommit(new ProcessMail.Mail(told.get().email(), subject, text, "<p>" + Html.escape(text) + "</p>"));
    }
}
