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
        List<Section> sections = new ArrayList<>();
        if (!owned.isEmpty()) {
            sections.add(new Section("They were the accountable owner of these non-human identities:",
                    owned.stream().map(identity -> name(identity) + ", " + PlainWords.constant(identity.kind()).toLowerCase()).toList(),
                    "Ask an administrator to hand each of them to a new owner (Identities page, \"Hand over\") by ",
                    "Whatever still has no active owner then is suspended: it can no longer sign in, use its API tokens or "
                            + "request access until it is reinstated."));
        }
        if (!sponsored.isEmpty()) {
            sections.add(new Section("They sponsored these external people:", sponsored.stream().map(OwnerTransferMails::name).toList(),
                    "Ask an administrator to hand each sponsorship to another active member of staff (Identities page, "
                            + "\"Change sponsorship\") by ",
                    "Whoever still has no active sponsor then leaves, as at the end of a sponsorship: every grant they hold ends."));
        }
        StringBuilder text = new StringBuilder(ownerName + " " + what + ".\n");
        StringBuilder html = new StringBuilder("<p>" + Html.escape(ownerName) + " " + Html.escape(what) + ".</p>");
        for (Section section : sections) {
            text.append("\n").append(section.intro()).append("\n\n")
                    .append(section.items().stream().map(item -> "- " + item).collect(Collectors.joining("\n")))
                    .append("\n\n").append(section.ask()).append(deadline).append(".\n");
            html.append("<p>").append(Html.escape(section.intro())).append("</p><ul>")
                    .append(section.items().stream().map(item -> "<li>" + Html.escape(item) + "</li>").collect(Collectors.joining()))
                    .append("</ul><p>").append(Html.escape(section.ask())).append("<strong>").append(Html.escape(deadline)).append("</strong>.</p>");
        }
        for (Section section : sections) {
            text.append("\n").append(section.consequence()).append("\n");
            html.append("<p>").append(Html.escape(section.consequence())).append("</p>");
        }
        for (IdentitySummary recipient : recipients) {
            outbox.enqueue("owner-transfer/" + lockout + "/" + recipient.id().value(),
                    new Mail(recipient.email(), subject, text.toString(), html.toString()));
        }
    }

    /** What one kind of dependant needs: who they are, what to do by the deadline, what happens if nobody does. */
    private record Section(String intro, List<String> items, String ask, String consequence) {
    }

    private static String name(IdentitySummary identity) {
        return identity.displayName() == null || identity.displayName().isBlank() ? identity.id().value()
                : identity.displayName() + " (" + identity.id().value() + ")";
    }
}
