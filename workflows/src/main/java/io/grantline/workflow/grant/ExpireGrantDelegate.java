package io.grantline.workflow.grant;

import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.RevokeGrant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The grant's time is up: it ends by itself. */
@Component("expireGrant")
class ExpireGrantDelegate implements JavaDelegate {

    private final CommandGateway commands;

    ExpireGrantDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new RevokeGrant(GrantId.of((String) execution.getVariable("grantId")), EndReason.EXPIRED,
                "the grant's validity ended"));
    }
}
