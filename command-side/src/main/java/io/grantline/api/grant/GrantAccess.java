package io.grantline.api.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts a grant for an approved request. A repeat for the same grant id is answered, not applied. {@code sodExceptionFor}:
 * the one held entitlement the grant may conflict with, by the request's approved exception; null otherwise.
 */
public record GrantAccess(@TargetAggregateIdentifier GrantId grantId, AccessRequestId requestId, IdentityId identityId,
                          EntitlementId entitlementId, Instant validFrom, Instant validUntil, EntitlementId sodExceptionFor) {

    public GrantAccess(GrantId grantId, AccessRequestId requestId, IdentityId identityId, EntitlementId entitlementId, Instant validFrom,
                       Instant validUntil) {
        this(grantId, requestId, identityId, entitlementId, validFrom, validUntil, null);
    }
}
