package io.grantline.api.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A request as API.md shows it, with every stage and its decision. */
public record AccessRequestSummary(AccessRequestId id, IdentityId requesterId, IdentityId beneficiaryId,
                                   EntitlementId entitlementId, String justification, String ticket, Duration duration,
                                   AccessRequestStatus status, List<Stage> stages, GrantId grantId, Instant filedAt) {

    public record Stage(int index, ApprovalStage name, Set<IdentityId> approverIds, boolean reauthenticationRequired,
                        Instant decideBy, Decision decision) {
    }

    public record Decision(IdentityId approverId, DecisionOutcome outcome, DecisionChannel channel, Instant at,
                           String comment, boolean reauthenticated) {
    }
}
