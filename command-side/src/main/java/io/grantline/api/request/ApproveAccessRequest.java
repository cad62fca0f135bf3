package io.grantline.api.request;

import io.grantline.api.grant.GrantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Every stage of the policy approved: the grant {@code grantId} runs from now for the requested duration, capped by
 * the policy's longest grant and the entitlement's maximum. Where the grant could no longer be held (a conflict,
 * a retired entitlement, an inactive beneficiary) the request is rejected instead. Answers the request's status.
 */
public record ApproveAccessRequest(@TargetAggregateIdentifier AccessRequestId requestId, GrantId grantId) {
}
