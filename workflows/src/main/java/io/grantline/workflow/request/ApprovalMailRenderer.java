package io.grantline.workflow.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.ApprovalStage;
import io.grantline.workflow.mail.ApprovalLinks;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailPayload;
import io.grantline.workflow.mail.MailRenderer;
import io.grantline.workflow.mail.Rendering;
import io.grantline.workflow.words.PlainWords;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Writes an approver's mail when it is sent: the request's facts from the read side and a personal link to answer from. */
@Component
class ApprovalMailRenderer implements MailRenderer {

    private final RequestFacts facts;
    private final ApprovalLinks links;
    private final PlainWords words;

    ApprovalMailRenderer(RequestFacts facts, ApprovalLinks links, PlainWords words) {
        this.facts = facts;
        this.links = links;
        this.words = words;
    }

    @Override
    public String kind() {
        return ApprovalMails.KIND;
    }

    @Override
    public Rendering render(MailPayload payload) {
        AccessRequestId requestId = AccessRequestId.of(payload.get("requestId"));
        IdentityId approver = IdentityId.of(payload.get("approverId"));
        Optional<AccessRequestSummary> found = facts.request(requestId);
        if (found.isEmpty()) {
            return new Rendering.NotYet("request " + requestId.value());
        }
        Optional<IdentitySummary> person = facts.identity(approver);
        if (person.isEmpty()) {
            return new Rendering.NotYet("identity " + approver.value());
        }
        if (person.get().email() == null) {
            return new Rendering.Skip("approver " + approver.value() + " of request " + requestId.value()
                    + " has no email address; they can answer from their inbox");
        }
        AccessRequestSummary request = found.get();
        int stageIndex = payload.integer("stageIndex");
        if (!request.openForDecisions()) {
            return new Rendering.Skip("request " + requestId.value() + " is " + request.status() + " already: nothing to decide");
        }
        if (!showsApprover(request, stageIndex, approver)) {
            // the link opens a page read from the read side: a mail sent before it knows the stage would open "not found"
            return new Rendering.NotYet("stage " + stageIndex + " of request " + requestId.value() + " for " + approver.value());
        }
        String what = facts.access(request.entitlementId());
        // each name is a read-model query: asked once per mail, not once per mention
        String requester = facts.name(request.requesterId());
        String beneficiary = request.beneficiaryId().equals(request.requesterId()) ? requester : facts.name(request.beneficiaryId());
        Instant expires = payload.instant("expires");
        String stage = stageOf(stageIndex, payload.integer("stageCount"), ApprovalStage.valueOf(payload.get("stage")));
        URI link = links.linkFor(requestId, stageIndex, approver, expires);
        ApprovalMails.Occasion occasion = ApprovalMails.Occasion.valueOf(payload.get("occasion"));
        String subject = (request.breakGlass() ? occasion.reviewSubject : occasion.subject) + ": " + what + " for " + beneficiary;
        return new Rendering.Ready(new Mail(person.get().email(), subject, text(request, requester, what, beneficiary, stage, expires, link),
                html(request, requester, what, beneficiary, stage, expires, link)));
    }

    private static boolean showsApprover(AccessRequestSummary request, int stageIndex, IdentityId approver) {
        return request.stages() != null && request.stages().stream()
                .anyMatch(stage -> stage.index() == stageIndex && stage.approverIds() != null && stage.approverIds().contains(approver));
    }

    /** "Stage 2 of 3: Resource owner", or "Stage 2: Resource owner" when the number of stages is not known here. */
    private static String stageOf(int index, int count, ApprovalStage stage) {
        String position = count > 0 ? PlainWords.stageOf(index, count) : "stage " + (index + 1);
        return Character.toUpperCase(position.charAt(0)) + position.substring(1) + ": " + PlainWords.stage(stage);
    }

    private String text(AccessRequestSummary r, String requester, String what, String beneficiary, String stage, Instant expires,
                        URI link) {
        return ((r.breakGlass() ? """
                %s used break-glass: %s
                was given at once to %s, for %s at most. Approve to confirm it; reject to revoke it now.
                """ : r.extendsGrantId() != null ? """
                %s asks for more time on %s,
                which %s holds now: %s from the approval on.
                """ : """
                %s asks for %s
                for %s, for %s.
                """) + """

                Justification: %s
                Ticket: %s
                %s. Answer by %s.
                %s
                Open the request to approve or reject it:
                %s
                """).formatted(requester, what, beneficiary, PlainWords.duration(lasting(r)), r.justification(),
                r.ticket() == null ? "-" : r.ticket(), stage, words.instant(expires) + " (" + words.zone().getId() + ")",
                r.sodException() == null ? "" : "\n" + sodException(r, beneficiary) + "\n", link);
    }

    private String html(AccessRequestSummary r, String requester, String what, String beneficiary, String stage, Instant expires,
                        URI link) {
        return ((r.breakGlass()
                ? "<p><strong>%s</strong> used break-glass: <strong>%s</strong><br>was given at once to %s, for %s at most."
                        + " Approve to confirm it; reject to revoke it now.</p>\n"
                : r.extendsGrantId() != null
                ? "<p><strong>%s</strong> asks for more time on <strong>%s</strong>,<br>which %s holds now: %s from the approval on.</p>\n"
                : "<p><strong>%s</strong> asks for <strong>%s</strong><br>for %s, for %s.</p>\n") + """
                <p>Justification: %s<br>Ticket: %s</p>
                <p>%s. Answer by %s.</p>
                %s<p><a href="%s">Open the request to approve or reject it</a></p>
                """).formatted(Html.escape(requester), Html.escape(what), Html.escape(beneficiary),
                PlainWords.duration(lasting(r)), Html.escape(r.justification()), Html.escape(r.ticket() == null ? "-" : r.ticket()),
                Html.escape(stage), Html.escape(words.instant(expires) + " (" + words.zone().getId() + ")"),
                r.sodException() == null ? "" : "<p><strong>" + Html.escape(sodException(r, beneficiary)) + "</strong></p>\n",
                Html.escape(link.toString()));
    }

    /** What an approver must know before granting a separation-of-duties exception. */
    private String sodException(AccessRequestSummary r, String beneficiary) {
        return "Separation of duties: " + beneficiary + " holds " + facts.access(r.sodException().conflictsWith())
                + ", which conflicts with this access; the requester asks for an exception: " + r.sodException().reason();
    }

    /** The grant asked for; for break-glass, how long it was given (4 hours at most by default). */
    private static java.time.Duration lasting(AccessRequestSummary request) {
        return request.breakGlass() ? request.grantAtMost() : request.duration();
    }
}
