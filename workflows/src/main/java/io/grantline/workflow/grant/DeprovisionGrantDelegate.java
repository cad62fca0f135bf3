package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantStatus;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.RecordDeprovisioning;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the connector to stop enforcing an ended grant, then records it; a grant that has not ended is refused. */
@Component("deprovisionGrant")
class DeprovisionGrantDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final ConnectorRouter connectors;
    private final GrantFacts grants;

    DeprovisionGrantDelegate(CommandGateway commands, ConnectorRouter connectors, GrantFacts grants) {
        this.commands = commands;
        this.connectors = connectors;
        this.grants = grants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        GrantId grantId = GrantId.of((String) execution.getVariable("grantId"));
        GrantSummary grant = grants.grant(grantId);
        if (grant.status() != GrantStatus.ENDED) {
            // never remove the access of a grant Grantline shows running (a model that reached here otherwise is a fault,
            // an incident for an operator, not a silent loss of access)
            throw new IllegalStateException("grant " + grantId.value() + " has not ended; its access stays on the target");
        }
        String connector = connectors.deprovision(grant);
        commands.sendAndWait(new RecordDeprovisioning(grantId, connector));
    }
}
