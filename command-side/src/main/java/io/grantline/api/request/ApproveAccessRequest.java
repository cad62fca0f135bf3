package io.grantline.api.request;

import io.grantline.api.grant.GrantId;
import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Every stage approved: the grant runs from now for the requested duration, capped by the policy's
 * {@code longestGrant} (null: no cap beyond the entitlement's maximum).
 */
public record ApproveAccessRequest(@TargetAggregateIdentifier AccessRequestId requestId, GrantId grantId,
                                   Duration longestGrant) {
}
