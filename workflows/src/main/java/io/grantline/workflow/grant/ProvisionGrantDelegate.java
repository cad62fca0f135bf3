package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.RecordProvisioning;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the connector to enforce the grant, then records it; {@code stillActive} is false if it ended meanwhile. */
@Component("provisionGrant")
class ProvisionGrantDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final ConnectorRouter connectors;
    private final GrantFacts grants;

    ProvisionGrantDelegate(CommandGateway commands, ConnectorRouter connectors, GrantFacts grants) {
        this.commands = commands;
        this.connectors = connectors;
        this.grants = grants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        GrantId grantId = GrantId.of((String) execution.getVariable("grantId"));
        String connector = connectors.provision(grants.grant(grantId));
        Boolean active = commands.sendAndWait(new RecordProvisioning(grantId, connector));
        execution.setVariable("stillActive", Boolean.TRUE.equals(active));
    }
}
