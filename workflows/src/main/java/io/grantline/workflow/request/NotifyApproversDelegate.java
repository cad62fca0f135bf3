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
        // the stages run as a sequential multi-instance: nrOfInstances is how many there are
        Object stages = execution.getVariable("nrOfInstances");
        mails.send(ApprovalMails.Occasion.REQUESTED, StageVariables.requestId(execution), StageVariables.stageIndex(execution),
                stages instanceof Number count ? count.intValue() : 0, StageVariables.stage(execution), StageVariables.decideBy(execution), StageVariables.approverIds(execution));
    }
}
