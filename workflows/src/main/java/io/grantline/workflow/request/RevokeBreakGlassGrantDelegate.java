package io.grantline.workflow.request;

import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.request.AccessRequestId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A review rejected break-glass access (or found nobody to review it): its grant ends now, flagged with end reason
 * BREAK_GLASS_REJECTED. A grant that ended already (it expired first) stays as it ended (the rejection is flagged on the
 * request either way); a request refused before any grant has nothing to revoke.
 */
@Component("revokeBreakGlassGrant")
class RevokeBreakGlassGrantDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final EventStore events;

    RevokeBreakGlassGrantDelegate(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccessRequestId requestId = StageVariables.requestId(execution);
        GrantId grantId = GrantAccessDelegate.grantIdFor(requestId);
        if (events.lastSequenceNumberFor(grantId.toString()).isEmpty()) {
            return;
        }
        commands.sendAndWait(new RevokeGrant(grantId, EndReason.BREAK_GLASS_REJECTED,
                "break-glass access of request " + requestId.value() + " rejected in review"));
    }
}
