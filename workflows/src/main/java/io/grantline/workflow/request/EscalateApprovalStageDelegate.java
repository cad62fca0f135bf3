package io.grantline.workflow.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.EscalateApprovalStage;
import io.grantline.api.request.StageRouting;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Moves an unanswered stage to the approvers' managers: the aggregate decides who, the task follows, they get mail. */
@Component("escalateApprovalStage")
class EscalateApprovalStageDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final ApprovalMails mails;

    EscalateApprovalStageDelegate(CommandGateway commands, ApprovalMails mails) {
        this.commands = commands;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<IdentityId> before = StageVariables.approverIds(execution);
        StageRouting routing = commands.sendAndWait(new EscalateApprovalStage(StageVariables.requestId(execution),
                StageVariables.stageIndex(execution)));
        Set<IdentityId> added = new HashSet<>(routing.approverIds());
        before.forEach(added::remove);
        if (added.isEmpty()) {
            return;
        }
        // not local: updates approverIds where the stage's scope defined it
        execution.setVariable(StageVariables.APPROVER_IDS, routing.approverIds().stream().map(IdentityId::value).toList());
        moveTask(execution, routing.approverIds());
        mails.send(ApprovalMails.Occasion.ESCALATED, StageVariables.requestId(execution), StageVariables.stageIndex(execution),
                StageVariables.stage(execution), StageVariables.decideBy(execution), added);
    }


    private static void moveTask(DelegateExecution execution, Set<IdentityId> approvers) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("decide").list()) {
            tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                    .forEach(link -> tasks.deleteCandidateUser(task.getId(), link.getUserId()));
            approvers.forEach(approver -> tasks.addCandidateUser(task.getId(), approver.value()));
        }
    }
}
