package io.grantline.workflow.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the stage's approvers that a decision is waiting for them. */
@Component("remindApprovers")
class RemindApproversDelegate implements JavaDelegate {

    private final ApprovalMails mails;

    RemindApproversDelegate(ApprovalMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.send(ApprovalMails.Occasion.REMINDER, StageVariables.requestId(execution), StageVariables.stageIndex(execution),
                StageVariables.stage(execution), StageVariables.decideBy(execution), StageVariables.approverIds(execution));
    }
}
