package io.grantline.workflow.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApprovalStage;
import io.grantline.workflow.mail.MailOutbox;
import io.grantline.workflow.mail.MailPayload;
import java.time.Instant;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * The mails approvers get: queued in the step's transaction, one per approver, holding ids and routing data only;
 * {@link ApprovalMailRenderer} writes the request's facts and a personal link when the mail is sent.
 */
@Component
public class ApprovalMails {

    /** Why the approver is written to. */
    public enum Occasion {
        REQUESTED("Approval needed", "Review of break-glass access needed"),
        REMINDER("Reminder: approval needed", "Reminder: review of break-glass access needed"),
        ESCALATED("Escalated to you: approval needed", "Escalated to you: review of break-glass access needed"),
        REASSIGNED("Moved to you: approval needed", "Moved to you: review of break-glass access needed");

        final String subject;
        /** For a break-glass grant, whose stages review access already given. */
        final String reviewSubject;

        Occasion(String subject, String reviewSubject) {
            this.subject = subject;
            this.reviewSubject = reviewSubject;
        }
    }

    static final String KIND = "approval";

    private final MailOutbox outbox;

    public ApprovalMails(MailOutbox outbox) {
        this.outbox = outbox;
    }

    /** As {@link #send(Occasion, AccessRequestId, int, int, ApprovalStage, Instant, Collection)}, the number of stages unknown. */
    public void send(Occasion occasion, AccessRequestId requestId, int stageIndex, ApprovalStage stage, Instant expires,
                     Collection<IdentityId> approverIds) {
        send(occasion, requestId, stageIndex, 0, stage, expires, approverIds);
    }

    /**
     * Queues a mail to each approver. The stage's facts come from the process ({@code stage}, {@code expires}): the
     * stage was opened in this very transaction, so the read side cannot know it yet. One mail per occasion, stage and
     * approver, however often the step runs.
     */
    public void send(Occasion occasion, AccessRequestId requestId, int stageIndex, int stageCount, ApprovalStage stage,
                     Instant expires, Collection<IdentityId> approverIds) {
        send(occasion, requestId, stageIndex, stageCount, stage, expires, approverIds, null);
    }

    /**
     * As above; {@code round} tells one move of a stage from another (a stage may come back to the same approver), so
     * that each move mails the newcomers once.
     */
    public void send(Occasion occasion, AccessRequestId requestId, int stageIndex, int stageCount, ApprovalStage stage,
                     Instant expires, Collection<IdentityId> approverIds, String round) {
        for (IdentityId approver : approverIds) {
            String key = "approval/" + occasion + "/" + requestId.value() + "/" + stageIndex + "/" + approver.value()
                    + (round == null ? "" : "/" + round);
            outbox.enqueue(key, KIND, MailPayload.of("occasion", occasion, "requestId", requestId.value(), "stageIndex", stageIndex,
                    "stageCount", stageCount, "stage", stage, "expires", expires, "approverId", approver.value()));
        }
    }
}
