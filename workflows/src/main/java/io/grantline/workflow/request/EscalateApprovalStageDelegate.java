package io.grantline.workflow.request;

import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.EscalateApprovalStage;
import io.grantline.api.request.StageRouting;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves an unanswered stage to the approvers' managers: the aggregate decides who, the task follows, they get mail. */
@Component("escalateApprovalStage")
class EscalateApprovalStageDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final StageAssignment assignment;

    EscalateApprovalStageDelegate(CommandGateway commands, StageAssignment assignment) {
        this.commands = commands;
        this.assignment = assignment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccessRequestId requestId = StageVariables.requestId(execution);
        int stageIndex = StageVariables.stageIndex(execution);
        StageRouting routing = commands.sendAndWait(new EscalateApprovalStage(requestId, stageIndex));
        assignment.openTaskIds(requestId, stageIndex)
                .forEach(taskId -> assignment.moveTo(taskId, requestId, routing.approverIds(), ApprovalMails.Occasion.ESCALATED));
    }
}
