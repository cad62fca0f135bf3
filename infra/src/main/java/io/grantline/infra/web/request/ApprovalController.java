package io.grantline.infra.web.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApprovalInboxItem;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.ListApprovalInbox;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.infra.security.ApproverAuthentication;
import io.grantline.infra.web.Accepted;
import io.grantline.infra.web.Callers;
import io.grantline.infra.web.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An approver's open decisions, and answering them over the API. */
@RestController
@RequestMapping("/api/approvals")
class ApprovalController {

    record DecisionBody(@NotNull DecisionOutcome outcome, @Size(max = 2000) String comment) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApproverAuthentication approvers;

    ApprovalController(CommandGateway commands, QueryGateway queries, ApproverAuthentication approvers) {
        this.commands = commands;
        this.queries = queries;
        this.approvers = approvers;
    }

    @GetMapping("/inbox")
    List<ApprovalInboxItem> inbox(Authentication auth) {
        return queries.query(new ListApprovalInbox(Callers.identity(auth)), ResponseTypes.multipleInstancesOf(ApprovalInboxItem.class))
                .join();
    }

    /**
     * Records a decision. The aggregate refuses what is not the caller's to decide (403), a repeated or late decision
     * (409). A password presented with this call (HTTP Basic) or a recent OIDC sign-in ({@code auth_time}) counts as
     * re-authentication; an API token does not.
     */
    @PostMapping("/{taskId}/decision")
    ResponseEntity<Accepted> decide(@PathVariable String taskId, @Valid @RequestBody DecisionBody body,
                                               Authentication auth, HttpServletRequest request) {
        int dot = taskId.lastIndexOf('.');
        if (dot <= 0 || dot == taskId.length() - 1 || !taskId.substring(dot + 1).chars().allMatch(Character::isDigit)
                || taskId.length() - dot > 4) {
            throw new NotFound("approval task '" + taskId + "'");
        }
        AccessRequestId requestId = AccessRequestId.of(taskId.substring(0, dot));
        IdentityId approver = Callers.identity(auth);
        DecisionAuthentication authentication;
        try {
            authentication = approvers.of(request, auth, approver, null, DecisionAuthentication.Method.API_TOKEN);
        } catch (ApproverAuthentication.Refused refused) {
            throw new AccessDeniedException(refused.getMessage());
        }
        commands.sendAndWait(new RecordApprovalDecision(requestId, Integer.parseInt(taskId.substring(dot + 1)), approver,
                body.outcome(), body.comment(), DecisionChannel.API, request.getRemoteAddr(), authentication));
        return Accepted.showing("/api/access-requests/" + requestId.value(), taskId);
    }
}
