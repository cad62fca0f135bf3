package io.grantline.workflow.identity;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ReassignApprovalStage;
import io.grantline.workflow.request.StageAssignment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * An approver who is no longer active decides nothing: each open stage they could decide is handed to the request's
 * aggregate, which names new approvers ({@code ApprovalStageReassigned}, which the bridge applies to the task).
 */
@Component("moveOpenStagesOfIdentity")
class MoveOpenStagesOfIdentityDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final TaskService tasks;
    private final StageAssignment stages;

    MoveOpenStagesOfIdentityDelegate(CommandGateway commands, TaskService tasks, StageAssignment stages) {
        this.commands = commands;
        this.tasks = tasks;
        this.stages = stages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IdentityId approverId = IdentityId.of((String) execution.getVariable("identityId"));
        for (Task task : stages.openTasksOf(approverId)) {
            AccessRequestId requestId = AccessRequestId.of((String) tasks.getVariable(task.getId(), "requestId"));
            commands.sendAndWait(new ReassignApprovalStage(requestId, stages.stageIndex(task.getId()), approverId));
        }
    }
}
