package io.grantline.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves an undecided stage to its approvers' managers. Answers the new {@link StageRouting} (unchanged if nobody is above). */
public record EscalateApprovalStage(@TargetAggregateIdentifier AccessRequestId requestId, int stageIndex) {
}
