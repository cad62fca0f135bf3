package io.grantline.workflow.request;

import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.request.AccessRequestId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A review rejected break-glass access (or found nobody to review it): its grant ends now, flagged with end reason
 * BREAK_GLASS_REJECTED. A grant that ended already (it expired first) stays as it ended.
 */
@Component("revokeBreakGlassGrant")
class RevokeBreakGlassGrantDelegate implements JavaDelegate {

    private final CommandGateway commands;

    RevokeBreakGlassGrantDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccessRequestId requestId = StageVariables.requestId(execution);
        commands.sendAndWait(new RevokeGrant(GrantAccessDelegate.grantIdFor(requestId), EndReason.BREAK_GLASS_REJECTED,
                "break-glass access of request " + requestId.value() + " rejected in review"));
    }
}
