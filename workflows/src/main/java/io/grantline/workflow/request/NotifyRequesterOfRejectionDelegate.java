package io.grantline.workflow.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the requester that their request ended without a grant, and why. */
@Component("notifyRequesterOfRejection")
class NotifyRequesterOfRejectionDelegate implements JavaDelegate {

    private final RequesterMails mails;

    NotifyRequesterOfRejectionDelegate(RequesterMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.rejected(StageVariables.requestId(execution), StageVariables.rejectionReason(execution));
    }
}
