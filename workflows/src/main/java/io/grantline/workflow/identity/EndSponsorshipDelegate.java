package io.grantline.workflow.identity;

import io.grantline.api.identity.EndSponsorship;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The sponsorship's end has come: the Identity aggregate lets the person depart, unless the end was moved since. */
@Component("endSponsorship")
class EndSponsorshipDelegate implements JavaDelegate {

    private final CommandGateway commands;

    EndSponsorshipDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new EndSponsorship(IdentityId.of((String) execution.getVariable("identityId")),
                Instant.parse((String) execution.getVariable("endsAt"))));
    }
}
