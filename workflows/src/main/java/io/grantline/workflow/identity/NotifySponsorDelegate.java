package io.grantline.workflow.identity;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailOutbox;
import io.grantline.workflow.words.PlainWords;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before an external person's access ends, their sponsor is told, and may have it extended (the administrators are
 * told instead when the sponsor is no longer active). Nothing is sent when the sponsorship was changed since (its own
 * process tells of the new end) or the person has left already. Written in the step's transaction, one mail per
 * person, end and recipient.
 */
@Component("notifySponsor")
class NotifySponsorDelegate implements JavaDelegate {

    private final IdentitiesNow identities;
    private final MailOutbox outbox;
    private final PlainWords words;

    NotifySponsorDelegate(IdentitiesNow identities, MailOutbox outbox, PlainWords words) {
        this.identities = identities;
        this.outbox = outbox;
        this.words = words;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant endsAt = Instant.parse((String) execution.getVariable("endsAt"));
        Optional<IdentitySummary> person = identities.find(IdentityId.of((String) execution.getVariable("identityId")));
        if (person.isEmpty() || person.get().status() == IdentityStatus.DEPARTED || !endsAt.equals(person.get().endsAt())
                || person.get().sponsorId() == null) {
            return;
        }
        String name = person.get().displayName() + " (" + person.get().id().value() + ")";
        String when = words.instant(endsAt);
        String text = """
                The access of %s, sponsored by %s, ends %s: then they leave the catalog and every grant they hold ends.

                To keep them on, ask an administrator to extend the sponsorship (PUT /api/identities/%s/sponsor) before then.
                Grants given before an extension still end when they were due to: request them again after it.
                """.formatted(name, person.get().sponsorId().value(), when, person.get().id().value());
        String html = """
                <p>The access of <strong>%s</strong>, sponsored by %s, ends <strong>%s</strong>: then they leave the catalog and
                every grant they hold ends.</p>
                <p>To keep them on, ask an administrator to extend the sponsorship before then. Grants given before an
                extension still end when they were due to: request them again after it.</p>
                """.formatted(Html.escape(name), Html.escape(person.get().sponsorId().value()), Html.escape(when));
        for (IdentitySummary recipient : identities.personOrAdministrators(identities.find(person.get().sponsorId()))) {
            outbox.enqueue("sponsorship-notice/" + person.get().id().value() + "/" + endsAt + "/" + recipient.id().value(),
                    new Mail(recipient.email(), "Sponsored access ends " + when + ": " + name, text, html));
        }
    }

}
