package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.RecordProvisioningFailure;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A connector that failed every retry leaves an incident for the operator (Cockpit) and, on the grant's own stream, a
 * {@code GrantProvisioningFailed} with the connector's message: the grant's history says why it never became active.
 * Recorded in the transaction that raises the incident.
 */
@Component
class ProvisioningFailureRecorder extends AbstractProcessEnginePlugin {

    private static final String FAILED_JOB = "failedJob";
    private static final String PROVISION_STEP = "provision";

    private final ObjectProvider<CommandGateway> commands;

    ProvisioningFailureRecorder(ObjectProvider<CommandGateway> commands) {
        this.commands = commands;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new DefaultIncidentHandler(FAILED_JOB) {
            @Override
            public Incident handleIncident(IncidentContext context, String message) {
                Incident incident = super.handleIncident(context, message);
                recordIfProvisioning(context, message);
                return incident;
            }
        });
        configuration.setCustomIncidentHandlers(handlers);
    }

    private void recordIfProvisioning(IncidentContext context, String message) {
        if (!PROVISION_STEP.equals(context.getActivityId()) || context.getExecutionId() == null) {
            return;
        }
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
        Object grantId = execution == null ? null : execution.getVariable("grantId");
        if (grantId != null) {
            commands.getObject().sendAndWait(new RecordProvisioningFailure(GrantId.of(grantId.toString()),
                    message == null || message.isBlank() ? "the connector failed every retry" : abbreviate(message)));
        }
    }

    private static String abbreviate(String message) {
        return message.length() <= 500 ? message : message.substring(0, 500);
    }
}
