package io.grantline.api.request;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens stage {@code stageIndex} of the request's applied policy; the aggregate names the stage, whether it needs
 * re-authentication, and routes it to its approvers (DESIGN.md). Answers the {@link StageRouting}: the approvers, or
 * a rejection when nobody can answer.
 */
public record OpenApprovalStage(@TargetAggregateIdentifier AccessRequestId requestId, int stageIndex, Instant decideBy) {
}
