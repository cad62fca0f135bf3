package io.grantline.workflow.request;

import io.grantline.api.request.OpenApprovalStage;
import io.grantline.api.request.RejectionReason;
import io.grantline.api.request.StageRouting;
import io.grantline.workflow.settings.ApprovalSettings;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens the next stage of the request's policy; the aggregate names it, routes it to its approvers, or rejects the
 * request when nobody can decide.
 */
@Component("openApprovalStage")
class OpenApprovalStageDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final ApprovalSettings settings;
    private final Clock clock;

    OpenApprovalStageDelegate(CommandGateway commands, ApprovalSettings settings, Clock clock) {
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // a stage's links live as long as the request may stay open
        Instant decideBy = clock.instant().plus(settings.timeOutAfter());
        StageRouting routing = commands.sendAndWait(new OpenApprovalStage(StageVariables.requestId(execution),
                StageVariables.stageIndex(execution), decideBy));
        execution.setVariableLocal(StageVariables.STAGE, routing.stage().name());
        StageVariables.setApprovers(execution, routing.approverIds());
        execution.setVariableLocal(StageVariables.DECIDE_BY, decideBy.toString());
        if (routing.rejected()) {
            StageVariables.reject(execution, RejectionReason.NO_APPROVER);
        }
    }
}
