package io.grantline.workflow.identity;

import io.grantline.api.identity.IdentitySummary;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailOutbox;
import io.grantline.workflow.words.PlainWords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    /**
     * {@code what}: what happened to the owner, in words ("has left", ...); {@code lockout}: the lockout's key;
     * {@code owned}: their non-human identities; {@code sponsored}: the external people they sponsor.
     */
    void askForNewOwners(String lockout, IdentitySummary owner, Optional<IdentitySummary> manager, String what,
                         List<IdentitySummary> owned, List<IdentitySummary> sponsored, Instant due) {
        List<IdentitySummary> recipients = identities.personOrAdministrators(manager);
        if (recipients.isEmpty()) {
            log.warn("Nobody to ask for new owners or sponsors of {} (of {}): no active manager or administrator with an email address",
                    Stream.concat(owned.stream(), sponsored.stream()).map(identity -> identity.id().value()).toList(), owner.id().value());
            return;
        }
        String ownerName = name(owner);
        int count = owned.size() + sponsored.size();
        String deadline = words.instant(due);
        String needed = owned.isEmpty() ? "New sponsor" : sponsored.isEmpty() ? "New owner" : "New owner or sponsor";
        String subject = needed + " needed by " + deadline + ": " + (count == 1 ? "1 identity" : count + " identities") + " of " + ownerName;
        StringBuilder text = new StringBuilder(ownerName + " " + what + ".\n");
        StringBuilder html = new StringBuilder("<p>" + Html.escape(ownerName) + " " + Html.escape(what) + ".</p>");
        if (!owned.isEmpty()) {
            text.append("\nThey were the accountable owner of these non-human identities:\n\n").append(list(owned, true))
                    .append("\n\nAsk an administrator to hand each of them to a new owner (Identities page, \"Hand over\") by ")
                    .append(deadline).append(".\n");
            html.append("<p>They were the accountable owner of these non-human identities:</p><ul>").append(htmlList(owned, true))
                    .append("</ul><p>Ask an administrator to hand each of them to a new owner (Identities page, \"Hand over\") by <strong>")
                    .append(Html.escape(deadline)).append("</strong>.</p>");
        }
        if (!sponsored.isEmpty()) {
            text.append("\nThey sponsored these external people:\n\n").append(list(sponsored, false))
                    .append("\n\nAsk an administrator to hand each sponsorship to another active member of staff (Identities page, \"Change sponsorship\") by ")
                    .append(deadline).append(".\n");
            html.append("<p>They sponsored these external people:</p><ul>").append(htmlList(sponsored, false))
                    .append("</ul><p>Ask an administrator to hand each sponsorship to another active member of staff")
                    .append(" (Identities page, \"Change sponsorship\") by <strong>").append(Html.escape(deadline)).append("</strong>.</p>");
        }
        List<String> consequences = new ArrayList<>();
        if (!owned.isEmpty()) {
            consequences.add("Whatever still has no active owner then is suspended: it can no longer sign in, use its API tokens or "
                    + "request access until it is reinstated.");
        }
        if (!sponsored.isEmpty()) {
            consequences.add("Whoever still has no active sponsor then leaves, as at the end of a sponsorship: every grant they hold ends.");
        }
        for (String consequence : consequences) {
            text.append("\n").append(consequence).append("\n");
            html.append("<p>").append(Html.escape(consequence)).append("</p>");
        }
        for (IdentitySummary recipient : recipients) {
            outbox.enqueue("owner-transfer/" + lockout + "/" + recipient.id().value(),
                    new Mail(recipient.email(), subject, text.toString(), html.toString()));
        }
    }

    private static String list(List<IdentitySummary> identities, boolean withKind) {
        return identities.stream().map(identity -> "- " + name(identity) + (withKind ? ", " + kind(identity) : ""))
                .collect(Collectors.joining("\n"));
    }

    private static String htmlList(List<IdentitySummary> identities, boolean withKind) {
        return identities.stream().map(identity -> "<li>" + Html.escape(name(identity)) + (withKind ? ", " + Html.escape(kind(identity)) : "")
                + "</li>").collect(Collectors.joining());
    }

    private static String kind(IdentitySummary identity) {
        return PlainWords.constant(identity.kind()).toLowerCase();
    }

    private static String name(IdentitySummary identity) {
        return identity.displayName() == null || identity.displayName().isBlank() ? identity.id().value()
                : identity.displayName() + " (" + identity.id().value() + ")";
    }
}
