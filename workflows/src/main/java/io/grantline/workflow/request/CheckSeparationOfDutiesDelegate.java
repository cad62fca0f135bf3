package io.grantline.workflow.request;

import io.grantline.api.request.CheckSeparationOfDuties;
import io.grantline.api.request.RejectionReason;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The separation-of-duties step: the aggregate decides, and rejects the request on a conflict. */
@Component("checkSeparationOfDuties")
class CheckSeparationOfDutiesDelegate implements JavaDelegate {

    private final CommandGateway commands;

    CheckSeparationOfDutiesDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean clear = Boolean.TRUE.equals(commands.sendAndWait(new CheckSeparationOfDuties(StageVariables.requestId(execution))));
        if (!clear) {
            StageVariables.reject(execution, RejectionReason.SOD_CONFLICT);
        }
    }
}
