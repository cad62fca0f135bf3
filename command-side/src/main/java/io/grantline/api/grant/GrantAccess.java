package io.grantline.api.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a grant for an approved request. A repeat for the same grant id is answered, not applied. */
public record GrantAccess(@TargetAggregateIdentifier GrantId grantId, AccessRequestId requestId, IdentityId identityId,
                          EntitlementId entitlementId, Instant validFrom, Instant validUntil) {
}
