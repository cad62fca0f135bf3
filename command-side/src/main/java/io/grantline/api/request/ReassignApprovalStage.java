package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code inactiveApproverId} stopped being active: their open stage {@code stageIndex} moves to the stage's other
 * approvers, or to their manager. Answers the new {@link StageRouting} (unchanged when nothing had to move).
 */
public record ReassignApprovalStage(@TargetAggregateIdentifier AccessRequestId requestId, int stageIndex,
                                    IdentityId inactiveApproverId) {
}
