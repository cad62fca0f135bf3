package io.grantline.workflow.identity;

import io.grantline.api.identity.IdentitySummary;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailOutbox;
import io.grantline.workflow.words.PlainWords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mail that asks for a new owner for each non-human identity of an owner who stopped being active: to that owner's
 * manager, who knows who takes the work over, or, where there is none to tell, to the active administrators. Written
 * finished in the step's transaction (every fact is at hand), one per lockout and recipient.
 */
@Component
class OwnerTransferMails {

    private static final Logger log = LoggerFactory.getLogger(OwnerTransferMails.class);

    private final IdentitiesNow identities;
    private final MailOutbox outbox;
    private final PlainWords words;

    OwnerTransferMails(IdentitiesNow identities, MailOutbox outbox, PlainWords words) {
        this.identities = identities;
        this.outbox = outbox;
        this.words = words;
    }

    /** {@code what}: what happened to the owner, in words ("has left", ...); {@code lockout}: the lockout's key. */
    void askForNewOwners(String lockout, IdentitySummary owner, Optional<IdentitySummary> manager, String what,
                         List<IdentitySummary> owned, Instant due) {
        List<IdentitySummary> recipients = identities.personOrAdministrators(manager);
        if (recipients.isEmpty()) {
            log.warn("Nobody to ask for new owners of {} (owned by {}): no active manager or administrator with an email address",
                    owned.stream().map(identity -> identity.id().value()).toList(), owner.id().value());
            return;
        }
        String ownerName = name(owner);
        String count = owned.size() == 1 ? "1 identity" : owned.size() + " identities";
        String deadline = words.instant(due);
        String subject = "New owner needed by " + deadline + ": " + count + " of " + ownerName;
        String list = owned.stream().map(identity -> "- " + name(identity) + ", " + PlainWords.constant(identity.kind()).toLowerCase())
                .collect(Collectors.joining("\n"));
        String text = """
                %s %s. They were the accountable owner of these non-human identities:

                %s

                Ask an administrator to hand each of them to a new owner (Identities page, "Hand over") by %s. Whatever
                still has no active owner then is suspended: it can no longer sign in, use its API tokens or request access
                until it is reinstated.
                """.formatted(ownerName, what, list, deadline);
        String html = """
                <p>%s %s. They were the accountable owner of these non-human identities:</p>
                <ul>%s</ul>
                <p>Ask an administrator to hand each of them to a new owner (Identities page, "Hand over") by <strong>%s</strong>.
                Whatever still has no active owner then is suspended: it can no longer sign in, use its API tokens or request
                access until it is reinstated.</p>
                """.formatted(Html.escape(ownerName), Html.escape(what), owned.stream()
                        .map(identity -> "<li>" + Html.escape(name(identity)) + ", "
                                + Html.escape(PlainWords.constant(identity.kind()).toLowerCase()) + "</li>")
                        .collect(Collectors.joining()), Html.escape(deadline));
        for (IdentitySummary recipient : recipients) {
            outbox.enqueue("owner-transfer/" + lockout + "/" + recipient.id().value(), new Mail(recipient.email(), subject, text, html));
        }
    }

    private static String name(IdentitySummary identity) {
        return identity.displayName() == null || identity.displayName().isBlank() ? identity.id().value()
                : identity.displayName() + " (" + identity.id().value() + ")";
    }
}
