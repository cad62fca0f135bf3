package io.grantline.api.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.time.Instant;

/** A grant as API.md shows it. */
public record GrantSummary(GrantId id, IdentityId identityId, EntitlementId entitlementId, String resource,
                           AccessRequestId requestId, GrantStatus status, Instant validFrom, Instant validUntil,
                           Instant endedAt, EndReason endReason) {
}
