package io.grantline.workflow.request;

import io.grantline.api.request.TimeOutAccessRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Nobody answered in time: the request ends as TIMED_OUT. */
@Component("timeOutAccessRequest")
class TimeOutAccessRequestDelegate implements JavaDelegate {

    private final CommandGateway commands;

    TimeOutAccessRequestDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new TimeOutAccessRequest(StageVariables.requestId(execution)));
    }
}
