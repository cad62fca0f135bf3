package io.grantline.workflow.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails each approver of the stage just opened. */
@Component("notifyApprovers")
class NotifyApproversDelegate implements JavaDelegate {

    private final ApprovalMails mails;

    NotifyApproversDelegate(ApprovalMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.send(ApprovalMails.Occasion.REQUESTED, StageVariables.requestId(execution), StageVariables.stageIndex(execution),
                StageVariables.stage(execution), StageVariables.decideBy(execution), StageVariables.approverIds(execution));
    }
}
