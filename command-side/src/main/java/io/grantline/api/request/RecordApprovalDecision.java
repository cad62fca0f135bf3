package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An approver's answer to one stage, with where it came from and how the approver authenticated. */
public record RecordApprovalDecision(@TargetAggregateIdentifier AccessRequestId requestId, int stageIndex,
                                     IdentityId approverId, DecisionOutcome outcome, String comment,
                                     DecisionChannel channel, String address, DecisionAuthentication authentication) {
}
