package io.grantline.workflow.campaign;

import io.grantline.api.campaign.EscalateReview;
import io.grantline.api.campaign.ReassignmentReason;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An unfinished review moves to the reviewer's manager, who gets the digest; with nobody above, it stays. */
@Component("escalateReview")
class EscalateReviewDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final ReviewMails mails;

    EscalateReviewDelegate(CommandGateway commands, ReviewMails mails) {
        this.commands = commands;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object newReviewer = commands.sendAndWait(new EscalateReview(ReviewVariables.reviewId(execution), ReassignmentReason.UNANSWERED));
        if (newReviewer != null) {
            mails.send(ReviewMails.Occasion.ESCALATED, ReviewVariables.reviewId(execution));
        }
    }
}
