package io.grantline.api.request;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens stage {@code stageIndex}; the aggregate routes it to its approvers (DESIGN.md: manager, resource owner, OT
 * security; never the requester or the beneficiary). Answers the {@link StageRouting}: the approvers, or a rejection
 * when nobody can answer.
 */
public record OpenApprovalStage(@TargetAggregateIdentifier AccessRequestId requestId, int stageIndex, ApprovalStage stage,
                                boolean reauthenticationRequired, Instant decideBy) {
}
