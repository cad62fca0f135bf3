package io.grantline.workflow.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The one digest a reviewer gets for the whole review, however many grants it holds. */
@Component("sendReviewDigest")
class SendReviewDigestDelegate implements JavaDelegate {

    private final ReviewMails mails;

    SendReviewDigestDelegate(ReviewMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.send(ReviewMails.Occasion.DIGEST, ReviewVariables.reviewId(execution));
    }
}
