package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.RecordDeprovisioning;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the connector to stop enforcing an ended grant, then records it. */
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
        String connector = connectors.deprovision(grants.grant(grantId));
        commands.sendAndWait(new RecordDeprovisioning(grantId, connector));
    }
}
