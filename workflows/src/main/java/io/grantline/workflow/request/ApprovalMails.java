package io.grantline.workflow.request;

import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.ApprovalStage;
import io.grantline.workflow.mail.ApprovalLinks;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.ProcessMail;
import io.grantline.workflow.words.PlainWords;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The mails approvers get: the request's facts and a personal link to answer from. */
@Component
public class ApprovalMails {

    /** Why the approver is written to. */
    public enum Occasion {
        REQUESTED("Approval needed"),
        REMINDER("Reminder: approval needed"),
        ESCALATED("Escalated to you: approval needed"),
        REASSIGNED("Moved to you: approval needed");

        private final String subject;

        Occasion(String subject) {
            this.subject = subject;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ApprovalMails.class);

    private final RequestFacts facts;
    private final ApprovalLinks links;
    private final ProcessMail mail;
    private final PlainWords words;

    public ApprovalMails(RequestFacts facts, ApprovalLinks links, ProcessMail mail, PlainWords words) {
        this.facts = facts;
        this.links = links;
        this.mail = mail;
        this.words = words;
    }

    /** As {@link #send(Occasion, AccessRequestId, int, int, ApprovalStage, Instant, Collection)}, the number of stages unknown. */
    public void send(Occasion occasion, AccessRequestId requestId, int stageIndex, ApprovalStage stage, Instant expires,
                     Collection<IdentityId> approverIds) {
        send(occasion, requestId, stageIndex, 0, stage, expires, approverIds);
    }

    /**
     * Mails each approver. The stage's facts come from the process ({@code stage}, {@code expires}): the stage was
     * opened in this very transaction, so the read side cannot know it yet.
     */
    public void send(Occasion occasion, AccessRequestId requestId, int stageIndex, int stageCount, ApprovalStage stage,
                     Instant expires, Collection<IdentityId> approverIds) {
        AccessRequestSummary request = facts.request(requestId);
        EntitlementSummary entitlement = facts.entitlement(request.entitlementId()).orElse(null);
        String what = entitlement == null ? request.entitlementId().value()
                : entitlement.resource() + " (" + PlainWords.constant(entitlement.level()) + ", " + PlainWords.constant(entitlement.risk())
                        + " risk)";
        String beneficiary = name(request.beneficiaryId());
        for (IdentityId approver : approverIds) {
            var person = facts.identity(approver);
            if (person.isEmpty() || person.get().email() == null) {
                log.warn("Approver {} of request {} has no email address; they can answer from their inbox", approver.value(),
                        requestId.value());
                continue;
            }
            URI link = links.linkFor(requestId, stageIndex, approver, expires);
            String subject = occasion.subject + ": " + what + " for " + beneficiary;
            mail.sendAfterCommit(new ProcessMail.Mail(person.get().email(), subject,
                    text(request, what, beneficiary, stageOf(stageIndex, stageCount, stage), expires, link),
                    html(request, what, beneficiary, stageOf(stageIndex, stageCount, stage), expires, link)));
        }
    }

    private String name(IdentityId id) {
        return facts.identity(id).map(IdentitySummary::displayName).map(n -> n + " (" + id.value() + ")").orElse(id.value());
    }

    /** "Stage 2 of 3: Resource owner", or "Stage 2: Resource owner" when the number of stages is not known here. */
    private static String stageOf(int index, int count, ApprovalStage stage) {
        String position = count > 0 ? PlainWords.stageOf(index, count) : "stage " + (index + 1);
        return Character.toUpperCase(position.charAt(0)) + position.substring(1) + ": " + PlainWords.stage(stage);
    }

    private String text(AccessRequestSummary r, String what, String beneficiary, String stage, Instant expires, URI link) {
        return """
                %s asks for %s
                for %s, for %s.

                Justification: %s
                Ticket: %s
                %s. Answer by %s.

                Open the request to approve or reject it:
                %s
                """.formatted(name(r.requesterId()), what, beneficiary, PlainWords.duration(r.duration()), r.justification(),
                r.ticket() == null ? "-" : r.ticket(), stage, words.instant(expires) + " (" + words.zone().getId() + ")", link);
    }

    private String html(AccessRequestSummary r, String what, String beneficiary, String stage, Instant expires, URI link) {
        return """
                <p><strong>%s</strong> asks for <strong>%s</strong><br>for %s, for %s.</p>
                <p>Justification: %s<br>Ticket: %s</p>
                <p>%s. Answer by %s.</p>
                <p><a href="%s">Open the request to approve or reject it</a></p>
                """.formatted(Html.escape(name(r.requesterId())), Html.escape(what), Html.escape(beneficiary),
                PlainWords.duration(r.duration()), Html.escape(r.justification()), Html.escape(r.ticket() == null ? "-" : r.ticket()),
                Html.escape(stage), Html.escape(words.instant(expires) + " (" + words.zone().getId() + ")"), Html.escape(link.toString()));
    }
}
