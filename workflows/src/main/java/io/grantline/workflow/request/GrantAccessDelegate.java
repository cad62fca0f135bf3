package io.grantline.workflow.request;

import io.grantline.api.grant.GrantId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApproveAccessRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every stage approved: approves the request, capped by the policy's longest grant. The grant's id is derived from
 * the request's, so a retried step names the same grant; the grant itself starts from the approval event.
 */
@Component("grantAccess")
class GrantAccessDelegate implements JavaDelegate {

    private final CommandGateway commands;

    GrantAccessDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccessRequestId requestId = StageVariables.requestId(execution);
        commands.sendAndWait(new ApproveAccessRequest(requestId, grantIdFor(requestId), StageVariables.longestGrant(execution)));
    }

    static GrantId grantIdFor(AccessRequestId requestId) {
        return GrantId.of(UUID.nameUUIDFromBytes(("grant-of-" + requestId.value()).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
