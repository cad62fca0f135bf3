package io.grantline.workflow.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds whoever holds the review now (after an escalation or a delegation, the new reviewer). */
@Component("remindReviewer")
class RemindReviewerDelegate implements JavaDelegate {

    private final ReviewMails mails;

    RemindReviewerDelegate(ReviewMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.send(ReviewMails.Occasion.REMINDER, ReviewVariables.reviewId(execution));
    }
}
