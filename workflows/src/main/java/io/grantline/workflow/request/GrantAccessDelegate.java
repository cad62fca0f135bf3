package io.grantline.workflow.request;

import io.grantline.api.common.RuleViolation;
import io.grantline.api.grant.ExtendGrant;
import io.grantline.api.grant.GrantAccess;
import io.grantline.api.grant.GrantId;
import io.grantline.api.request.AccessRequestApproved;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApprovalResult;
import io.grantline.api.request.ApproveAccessRequest;
import io.grantline.api.request.RejectApprovedRequest;
import io.grantline.api.request.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every stage approved: approves the request and starts its grant, in one transaction. The request itself refuses
 * a grant it can see could not be held; a refusal by the grant's own rules (a race the request could not see) rejects
 * the request with that reason, so it never rests APPROVED without a grant. The grant's id is derived from the
 * request's, so a retried step names the same grant.
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
        GrantId grantId = grantIdFor(requestId);
        ApprovalResult result = commands.sendAndWait(new ApproveAccessRequest(requestId, grantId));
        if (!result.approved()) {
            StageVariables.reject(execution, result.rejection());
            return;
        }
        AccessRequestApproved approval = result.approval();
        if (approval.extendsGrant()) {
            // the grant ran when the request was approved, in this transaction; a revocation committed meanwhile makes
            // the append conflict and the job run again, when the approval finds the grant ended
            boolean stillRuns = commands.sendAndWait(new ExtendGrant(approval.grantId(), requestId, approval.validUntil()));
            if (!stillRuns) {
                commands.sendAndWait(new RejectApprovedRequest(requestId, RejectionReason.GRANT_ENDED, "grant '"
                        + approval.grantId().value() + "' reached its end before the extension was approved"));
                StageVariables.reject(execution, RejectionReason.GRANT_ENDED);
            }
            return;
        }
        try {
            commands.sendAndWait(new GrantAccess(grantId, requestId, approval.beneficiaryId(), approval.entitlementId(),
                    approval.validFrom(), approval.validUntil(), approval.sodExceptionFor()));
        } catch (RuleViolation refused) {
            RejectionReason reason = reasonFor(refused).orElseThrow(() -> refused);
            commands.sendAndWait(new RejectApprovedRequest(requestId, reason, refused.getMessage()));
            StageVariables.reject(execution, reason);
        }
    }

    static GrantId grantIdFor(AccessRequestId requestId) {
        return GrantId.of(UUID.nameUUIDFromBytes(("grant-of-" + requestId.value()).getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** The grant refusals a request can meet after its approval; any other failure is a fault to retry (an incident). */
    private static Optional<RejectionReason> reasonFor(RuleViolation refused) {
        return Optional.ofNullable(switch (refused.slug()) {
            case "separation-of-duties-conflict" -> RejectionReason.SOD_CONFLICT;
            case "entitlement-retired-already" -> RejectionReason.ENTITLEMENT_RETIRED;
            case "identity-not-active" -> RejectionReason.BENEFICIARY_INACTIVE;
            default -> null;
        });
    }
}
